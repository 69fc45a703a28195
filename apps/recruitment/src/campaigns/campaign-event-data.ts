import type { CampaignOpenedData, CampaignPhase, CampaignPhaseChangedData } from '@cwp/contracts';
import type { CampaignPostRow, CampaignRow, NewCampaignRow } from './campaign.row';

/** Row → event data (ids, codes, dates and counts only). */
export const campaignEventData = {
  opened(row: NewCampaignRow, posts: readonly CampaignPostRow[]): CampaignOpenedData {
    return {
      campaignId: row.id,
      districtCode: row.districtCode,
      year: row.year,
      round: row.round,
      policyVersion: row.policyVersion,
      registrationOpensOn: row.registrationOpensOn,
      registrationClosesOn: row.registrationClosesOn,
      publicityDays: row.publicityDays,
      posts: posts.map((p) => ({
        postId: p.id,
        streetCode: p.streetCode,
        postCategory: p.postCategory,
        count: p.count,
        requiredQualification: p.requiredQualification,
      })),
    };
  },
  phaseChanged(row: CampaignRow, previousPhase: CampaignPhase, changedAt: Date): CampaignPhaseChangedData {
    return { campaignId: row.id, districtCode: row.districtCode, phase: row.phase, previousPhase, changedAt: changedAt.toISOString() };
  },
};
