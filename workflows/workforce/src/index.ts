// Workflow code only: this module is what the Temporal bundler loads (workflowsPath).
export { quotaReviewWorkflow } from './quota-review.workflow';
export { quotaReviewYearlyWorkflow } from './quota-review-yearly.workflow';
export type * from './activities';
