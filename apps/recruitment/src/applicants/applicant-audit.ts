import type { NewApplicantRow } from './applicant.row';

export const APPLICANT_AUDIT_ENTITY = 'recruitment_applicant';

/**
 * The audited view of an applicant. Personal fields appear under the platform's personal names
 * (name, nationalId, phone, personRef) so the trail records only that they changed, never values.
 */
export function applicantAuditView(row: NewApplicantRow): Record<string, unknown> {
  return {
    campaignId: row.campaignId,
    postId: row.postId,
    streetCode: row.streetCode,
    channel: row.channel,
    status: row.status,
    education: row.education,
    eligible: row.eligibility.value.eligible,
    name: row.name,
    nationalId: row.nationalIdEnc,
    phone: row.phoneEnc,
    personRef: row.personRef,
  };
}
