import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_TYPE_PATTERN, TOPIC_PATTERN, type EventContract } from '../cloudevent';
import { workerHiredContract, type WorkerHiredData } from '../workforce/worker-hired';
import {
  entryExpiredContract,
  entryExpiringContract,
  entryJoinedContract,
  entryRegisteredContract,
  entryWithdrawnContract,
  talentPoolEventContracts,
  type EntryExpiredData,
  type EntryExpiringData,
  type EntryJoinedData,
  type EntryRegisteredData,
  type EntryWithdrawnData,
} from './entry-events';
import { TALENT_POOL_ENTRIES_TOPIC } from './names';
import { talentPoolEntryWorkflowId } from './names';

const ajv = addFormats(new Ajv({ allErrors: true, strict: true }));
const entryId = '0b7d3a52-4c55-4b1e-9a43-6f3f3f1d2a10';
const holdingUnit = '310104003';

const registered: EntryRegisteredData = {
  entryId,
  holdingUnit,
  source: 'student',
  education: 'bachelor',
  major: 'social-work',
  certificates: ['assistant-social-worker'],
  reservePeriodMonths: 24,
  registeredOn: '2026-11-24',
  expiresOn: '2028-11-24',
};
const expiring: EntryExpiringData = { entryId, holdingUnit, expiresOn: '2028-11-24', reminderDays: 30, remindedOn: '2028-10-25' };
const expired: EntryExpiredData = {
  entryId,
  holdingUnit,
  source: 'homemaker',
  registeredOn: '2026-11-24',
  expiresOn: '2028-11-24',
  expiredOn: '2028-11-24',
};
const joined: EntryJoinedData = { entryId, holdingUnit, joinedOn: '2027-03-01', via: 'worker-hired-event', workerId: 'w-123' };
const withdrawn: EntryWithdrawnData = { entryId, holdingUnit, withdrawnOn: '2027-01-02', reason: 'candidate-request' };
const hired: WorkerHiredData = {
  workerId: 'w-123',
  unitCode: '310104003',
  personRef: 'a'.repeat(64),
  talentPoolEntryId: entryId,
  hiredOn: '2027-03-01',
  entryRoute: 'recruited',
  postCategory: 'staff',
  postLevel: 18,
};

const samples: Array<[EventContract, Record<string, unknown>]> = [
  [entryRegisteredContract, { ...registered }],
  [entryExpiringContract, { ...expiring }],
  [entryExpiredContract, { ...expired }],
  [entryJoinedContract, { ...joined }],
  [entryWithdrawnContract, { ...withdrawn }],
  [workerHiredContract, { ...hired }],
];

/** Every sub-schema that declares object properties, with the path that leads to it. */
function objectSchemas(schema: unknown, path = '$'): Array<{ path: string; node: Record<string, unknown> }> {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const own = node.type === 'object' || 'properties' in node ? [{ path, node }] : [];
  return [
    ...own,
    ...Object.entries(node).flatMap(([key, child]) =>
      Array.isArray(child) ? child.flatMap((c, i) => objectSchemas(c, `${path}.${key}[${i}]`)) : objectSchemas(child, `${path}.${key}`),
    ),
  ];
}

describe('talent-pool event contracts', () => {
  it('covers the five entry events, all on cwp.talent-pool.entries with well-formed names', () => {
    expect(talentPoolEventContracts.map((c) => c.type)).toEqual([
      'cwp.talentpool.entry.registered.v1',
      'cwp.talentpool.entry.expiring.v1',
      'cwp.talentpool.entry.expired.v1',
      'cwp.talentpool.entry.joined.v1',
      'cwp.talentpool.entry.withdrawn.v1',
    ]);
    for (const contract of talentPoolEventContracts) {
      expect(contract.topic).toBe(TALENT_POOL_ENTRIES_TOPIC);
      expect(contract.type).toMatch(EVENT_TYPE_PATTERN);
      expect(contract.topic).toMatch(TOPIC_PATTERN);
      expect(contract.version).toBe(1);
    }
    expect(workerHiredContract).toMatchObject({ type: 'cwp.workforce.worker.hired.v1', topic: 'cwp.workforce.workers', version: 1 });
  });

  it.each(samples.map(([c, data]) => [c.type, c, data] as const))('%s admits its sample event', (_type, contract, data) => {
    const validate = ajv.compile(contract.schema);
    expect(validate(data) ? [] : validate.errors).toEqual([]);
  });

  it.each(samples.map(([c, data]) => [c.type, c, data] as const))(
    '%s refuses a nationalId, phone or name property and unknown fields',
    (_type, contract, data) => {
      const validate = ajv.compile(contract.schema);
      for (const leak of ['nationalId', 'nationalIdNumber', 'idNumber', 'phone', 'phoneNumber', 'mobile', 'name', 'anythingElse']) {
        expect(validate({ ...data, [leak]: 'x' })).toBe(false);
      }
    },
  );

  it('no schema declares a personal-data property, and every object schema is closed', () => {
    for (const contract of [...talentPoolEventContracts, workerHiredContract]) {
      for (const { path, node } of objectSchemas(contract.schema)) {
        expect({ path, additionalProperties: node.additionalProperties }).toEqual({ path, additionalProperties: false });
        const names = Object.keys((node.properties as Record<string, unknown> | undefined) ?? {});
        expect(names.filter((n) => /national|idcard|idnumber|phone|mobile|^name$|fullname/i.test(n))).toEqual([]);
      }
    }
  });

  it('refuses a bad date, an unknown source and a malformed unit code', () => {
    const validate = ajv.compile(entryRegisteredContract.schema);
    expect(validate({ ...registered, expiresOn: '2028-13-40' })).toBe(false);
    expect(validate({ ...registered, source: 'retiree' })).toBe(false);
    expect(validate({ ...registered, holdingUnit: '31010400' })).toBe(false);
  });

  it('worker.hired carries a keyed hash, never a raw national ID, as personRef', () => {
    const validate = ajv.compile(workerHiredContract.schema);
    expect(validate({ ...hired, personRef: '11010519491231002X' })).toBe(false);
    expect(validate({ ...hired, entryRoute: 'transferred' })).toBe(false);
    const { personRef: _p, talentPoolEntryId: _t, postLevel: _l, ...minimal } = hired;
    expect(validate(minimal)).toBe(true);
  });

  it('workflow ids are business keys', () => {
    expect(talentPoolEntryWorkflowId(entryId)).toBe(`talent-pool-entry:${entryId}`);
  });
});
