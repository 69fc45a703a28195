import type {
  WorkerChangedData,
  WorkerChangedField,
  WorkerChangeReason,
  WorkerExitedData,
  WorkerHiredData,
  WorkerTransferredData,
} from '@cwp/contracts';
import type { WorkerRow } from './worker.row';

/**
 * The `data` of each worker event, built from the row after the change. Ids, codes and dates only:
 * never the name, birth date or national ID; personRef only on `hired` (the talent pool matches
 * on it, POOL-3) and only the keyed hash.
 */
export const workerEventData = {
  hired(row: WorkerRow): WorkerHiredData {
    return {
      workerId: row.id,
      unitCode: row.unitCode,
      hiredOn: row.hiredOn,
      entryRoute: row.entryRoute,
      postCategory: row.postCategory,
      postLevel: row.postLevel,
      ...(row.postRole ? { postRole: row.postRole } : {}),
      ...(row.title ? { title: row.title } : {}),
      ...(row.personRef ? { personRef: row.personRef } : {}),
      ...(row.talentPoolEntryId ? { talentPoolEntryId: row.talentPoolEntryId } : {}),
      ...(row.campaignId ? { campaignId: row.campaignId } : {}),
    };
  },

  changed(row: WorkerRow, reason: WorkerChangeReason, changedFields: WorkerChangedField[], changedOn: string): WorkerChangedData {
    if (row.status === 'exited') throw new Error('an exited worker does not change');
    return {
      workerId: row.id,
      unitCode: row.unitCode,
      changedOn,
      reason,
      changedFields,
      postCategory: row.postCategory,
      postLevel: row.postLevel,
      postRole: row.postRole,
      title: row.title,
      role: row.role,
      status: row.status,
      version: row.version,
    };
  },

  transferred(row: WorkerRow, fromUnitCode: string, transferredOn: string): WorkerTransferredData {
    return { workerId: row.id, fromUnitCode, toUnitCode: row.unitCode, transferredOn, version: row.version };
  },

  exited(row: WorkerRow, rules: string[]): WorkerExitedData {
    if (!row.exitedOn || !row.exitCause) throw new Error('exited event of a worker without exit facts');
    return {
      workerId: row.id,
      unitCode: row.unitCode,
      exitedOn: row.exitedOn,
      entryRoute: row.entryRoute,
      cause: row.exitCause as WorkerExitedData['cause'],
      rules,
      version: row.version,
    };
  },
};
