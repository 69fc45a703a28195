import type { WorkerRow } from './worker.row';

export const WORKER_AUDIT_ENTITY = 'workforce_worker';

/** Personal fields of a worker beyond the platform's defaults (name, birthDate, nationalId, personRef …). */
export const WORKER_PERSONAL_FIELDS = ['gender'];

/**
 * The audited view of a worker. Personal fields appear under the platform's personal names (name,
 * birthDate, nationalId, personRef), so the audit trail records that they changed, never their
 * values (AuditTrail masks them).
 */
export function workerAuditView(row: WorkerRow | undefined): Record<string, unknown> | undefined {
  if (!row) return undefined;
  return {
    unitCode: row.unitCode,
    status: row.status,
    entryRoute: row.entryRoute,
    postCategory: row.postCategory,
    postLevel: row.postLevel,
    postRole: row.postRole,
    title: row.title,
    role: row.role,
    education: row.education,
    major: row.major,
    hiredOn: row.hiredOn,
    exitedOn: row.exitedOn,
    exitCause: row.exitCause,
    talentPoolEntryId: row.talentPoolEntryId,
    campaignId: row.campaignId,
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    nationalId: row.nationalIdEnc,
    personRef: row.personRef,
  };
}
