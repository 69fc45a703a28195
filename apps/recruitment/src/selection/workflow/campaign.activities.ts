import type { RecruitmentCampaignActivities } from '@cwp/recruitment-workflows';
import type { CancellationSteps } from '../cancellation-steps.service';
import type { SelectionSteps } from '../selection-steps.service';

/** The campaign workflow's activities, bound to the services that own the steps (STYLE.md). */
export function createCampaignActivities(steps: SelectionSteps, saga: CancellationSteps): RecruitmentCampaignActivities {
  return {
    enterPhase: ({ campaignId, phase }) => steps.enterPhase(campaignId, phase),
    screen: ({ campaignId }) => steps.screen(campaignId),
    placeInterns: ({ campaignId }) => steps.placeInterns(campaignId),
    recordScore: ({ campaignId, applicantId, kind, score, by }) => steps.recordScore(campaignId, applicantId, kind, score, by),
    dropIntern: ({ campaignId, applicantId, by }) => steps.dropIntern(campaignId, applicantId, by),
    closeScores: ({ campaignId, kind }) => steps.closeScores(campaignId, kind),
    rank: ({ campaignId }) => steps.rank(campaignId),
    fileObjection: ({ campaignId, applicantId, by }) => steps.fileObjection(campaignId, applicantId, by),
    decideObjection: ({ campaignId, applicantId, upheld, by }) => steps.decideObjection(campaignId, applicantId, upheld, by),
    recordAssessment: ({ campaignId, applicantId, passed, by }) => steps.recordAssessment(campaignId, applicantId, passed, by),
    appoint: ({ campaignId }) => steps.appoint(campaignId),
    withdrawResults: ({ campaignId }) => saga.withdrawResults(campaignId),
    releaseInterns: ({ campaignId }) => saga.releaseInterns(campaignId),
    releaseApplicants: ({ campaignId }) => saga.releaseApplicants(campaignId),
    releasePosts: ({ campaignId, ...summary }) => saga.releasePosts(campaignId, summary),
  };
}
