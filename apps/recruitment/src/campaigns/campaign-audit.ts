import type { CampaignPostRow, NewCampaignRow } from './campaign.row';

export const CAMPAIGN_AUDIT_ENTITY = 'recruitment_campaign';

/** The audited view of a campaign (no personal data in a campaign). */
export function campaignAuditView(row: NewCampaignRow, posts?: readonly CampaignPostRow[]): Record<string, unknown> {
  return {
    districtCode: row.districtCode,
    year: row.year,
    round: row.round,
    phase: row.phase,
    policyVersion: row.policyVersion,
    registrationOpensOn: row.registrationOpensOn,
    registrationClosesOn: row.registrationClosesOn,
    publicityDays: row.publicityDays,
    ...(posts ? { posts: posts.map((p) => ({ streetCode: p.streetCode, postCategory: p.postCategory, count: p.count })) } : {}),
  };
}
