import { EventSchemaValidator, findPersonalData } from '@cwp/platform';
import {
  entryExpiredContract,
  entryExpiringContract,
  entryJoinedContract,
  entryRegisteredContract,
  entryWithdrawnContract,
} from '@cwp/contracts';
import type { NewEntryRow } from './entry.row';
import { newEntry } from './testing/entry.builders';
import { eventData } from './entry-event-data';

const activeRow = (): NewEntryRow =>
  newEntry({
    id: '0b7d3a52-4c55-4b1e-9a43-6f3f3f1d2a10',
    status: 'active',
    holdingUnit: '310104003',
    source: 'student',
    education: 'master',
    major: 'law',
    certificates: ['assistant-social-worker'],
    name: '钱七',
    nationalIdEnc: 'v1.x.y.z',
    nationalIdMasked: '3101**********123X',
    phoneEnc: 'v1.p.q.r',
    phoneMasked: '138****5678',
    personRef: 'a'.repeat(64),
    reserveMonths: 24,
    registeredOn: '2026-11-24',
    expiresOn: '2028-11-24',
    reminderDays: 30,
    endedOn: null,
    joinRoute: null,
    joinedWorkerId: null,
    withdrawReason: null,
  });

describe('event data built from an entry row', () => {
  const validator = new EventSchemaValidator();
  const row = activeRow();
  const ended = (changes: Partial<NewEntryRow>): NewEntryRow => ({ ...activeRow(), endedOn: '2027-01-05', ...changes });

  it.each([
    ['registered', entryRegisteredContract, eventData.registered(row)],
    ['expiring', entryExpiringContract, eventData.expiring(row, '2028-10-25')],
    ['expired', entryExpiredContract, eventData.expired(ended({ status: 'expired' }))],
    ['joined', entryJoinedContract, eventData.joined(ended({ status: 'joined', joinRoute: 'worker-hired-event', joinedWorkerId: 'w-9' }))],
    ['withdrawn', entryWithdrawnContract, eventData.withdrawn(ended({ status: 'withdrawn', withdrawReason: 'duplicate' }))],
  ] as const)('%s matches its schema and carries no name, ID, phone or personRef', (_name, contract, data) => {
    expect(() => validator.validate(contract, data)).not.toThrow();
    expect(findPersonalData(data)).toBeUndefined();
    const text = JSON.stringify(data);
    for (const secret of ['钱七', 'v1.x.y.z', '3101**', '138****', 'a'.repeat(64)]) expect(text).not.toContain(secret);
  });
});
