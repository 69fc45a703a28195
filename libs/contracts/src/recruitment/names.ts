/** Names the recruitment service publishes and the Temporal names it runs under (shared by API and workflows). */

/** Default Temporal task queue of the recruitment worker (tests and e2e runs override it). */
export const RECRUITMENT_TASK_QUEUE = 'recruitment';

/** Kafka topic of campaign events, keyed by campaign id (order per campaign). */
export const RECRUITMENT_CAMPAIGNS_TOPIC = 'cwp.recruitment.campaigns';
/** Kafka topic of applicant events, keyed by applicant id (order per applicant). */
export const RECRUITMENT_APPLICANTS_TOPIC = 'cwp.recruitment.applicants';

export const RECRUITMENT_EVENT_TYPES = {
  campaignOpened: 'cwp.recruitment.campaign.opened.v1',
  campaignPhaseChanged: 'cwp.recruitment.campaign.phase-changed.v1',
  applicantRegistered: 'cwp.recruitment.applicant.registered.v1',
  applicantAppointed: 'cwp.recruitment.applicant.appointed.v1',
  campaignCancelled: 'cwp.recruitment.campaign.cancelled.v1',
  applicantReleased: 'cwp.recruitment.applicant.released.v1',
} as const;

/** Workflow type name: the exported function name in @cwp/recruitment-workflows. */
export const RECRUITMENT_CAMPAIGN_WORKFLOW_TYPE = 'recruitmentCampaignWorkflow';

/** Business-key workflow id: one workflow per campaign. */
export function recruitmentCampaignWorkflowId(campaignId: string): string {
  return `recruitment-campaign:${campaignId}`;
}
