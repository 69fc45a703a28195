import { findPersonalData } from '@cwp/platform';
import { newEntry } from '../testing/entry.builders';
import { workflowInputOf } from './entry-workflow';

describe('entry workflow input', () => {
  it('carries ids and dates only: no name, national ID, phone or person_ref (histories are stored in clear)', () => {
    const row = newEntry({
      id: '0b7d3a52-4c55-4b1e-9a43-6f3f3f1d2a10',
      holdingUnit: '310104003',
      name: '周九',
      nationalIdEnc: 'v1.a.b.c',
      nationalIdMasked: '3101**********123X',
      phoneEnc: 'v1.d.e.f',
      phoneMasked: '138****5678',
      personRef: 'c'.repeat(64),
      registeredOn: '2026-11-24',
      expiresOn: '2028-11-24',
      expiresAt: new Date('2028-11-23T16:00:00Z'),
      reminderDays: 30,
    });
    const input = workflowInputOf(row);
    expect(input).toEqual({
      entryId: row.id,
      holdingUnit: '310104003',
      registeredOn: '2026-11-24',
      expiresOn: '2028-11-24',
      expiresAt: '2028-11-23T16:00:00.000Z',
      reminderDays: 30,
    });
    expect(findPersonalData(input)).toBeUndefined();
  });
});
