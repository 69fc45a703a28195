// Workflow code only: this module is what the Temporal bundler loads (workflowsPath).
export { payRecalibrationWorkflow } from './pay-recalibration.workflow';
export { payRecalibrationYearlyWorkflow } from './pay-recalibration-yearly.workflow';
export { monthlyPayRunWorkflow } from './monthly-pay-run.workflow';
export { multiplierReviewWorkflow } from './multiplier-review.workflow';
export type * from './activities';
