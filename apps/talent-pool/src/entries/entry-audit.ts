import type { NewEntryRow } from './entry.row';

export const AUDIT_ENTITY = 'talent_pool_entry';

/**
 * The audited view of a row. Personal fields appear under the platform's personal names
 * (name, nationalId, phone, personRef) so the audit trail records only that they changed,
 * never their values.
 */
export function auditView(row: NewEntryRow | undefined): Record<string, unknown> | undefined {
  if (!row) return undefined;
  return {
    status: row.status,
    holdingUnit: row.holdingUnit,
    source: row.source,
    education: row.education,
    major: row.major,
    certificates: row.certificates,
    reserveMonths: row.reserveMonths,
    registeredOn: row.registeredOn,
    expiresOn: row.expiresOn,
    remindedFor: row.remindedFor,
    endedOn: row.endedOn,
    joinRoute: row.joinRoute,
    joinedWorkerId: row.joinedWorkerId,
    withdrawReason: row.withdrawReason,
    name: row.name,
    nationalId: row.nationalIdEnc,
    phone: row.phoneEnc,
    personRef: row.personRef,
  };
}
