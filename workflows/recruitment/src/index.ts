// Workflow code only: this module is what the Temporal bundler loads (workflowsPath).
export { recruitmentCampaignWorkflow } from './campaign.workflow';
export type * from './activities';
