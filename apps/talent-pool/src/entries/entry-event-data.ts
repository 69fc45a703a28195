import type { EntryExpiredData, EntryExpiringData, EntryJoinedData, EntryRegisteredData, EntryWithdrawnData } from '@cwp/contracts';
import type { NewEntryRow } from './entry.row';

/**
 * Row → event data. Built from the statistical columns only: no name, no national ID, no phone,
 * no person_ref ever reaches an event (the schemas refuse them, the outbox guard double-checks).
 */
export const eventData = {
  registered(row: NewEntryRow): EntryRegisteredData {
    return {
      entryId: row.id,
      holdingUnit: row.holdingUnit,
      source: row.source,
      education: row.education,
      major: row.major,
      certificates: [...row.certificates],
      reservePeriodMonths: row.reserveMonths,
      registeredOn: row.registeredOn,
      expiresOn: row.expiresOn,
    };
  },
  expiring(row: NewEntryRow, remindedOn: string): EntryExpiringData {
    return { entryId: row.id, holdingUnit: row.holdingUnit, expiresOn: row.expiresOn, reminderDays: row.reminderDays, remindedOn };
  },
  expired(row: NewEntryRow): EntryExpiredData {
    return {
      entryId: row.id,
      holdingUnit: row.holdingUnit,
      source: row.source,
      registeredOn: row.registeredOn,
      expiresOn: row.expiresOn,
      expiredOn: row.endedOn ?? row.expiresOn,
    };
  },
  joined(row: NewEntryRow): EntryJoinedData {
    return {
      entryId: row.id,
      holdingUnit: row.holdingUnit,
      joinedOn: row.endedOn ?? row.registeredOn,
      via: row.joinRoute ?? 'api',
      workerId: row.joinedWorkerId,
    };
  },
  withdrawn(row: NewEntryRow): EntryWithdrawnData {
    return {
      entryId: row.id,
      holdingUnit: row.holdingUnit,
      withdrawnOn: row.endedOn ?? row.registeredOn,
      reason: row.withdrawReason ?? 'other',
    };
  },
};
