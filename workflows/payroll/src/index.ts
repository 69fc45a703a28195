// Workflow code only: this module is what the Temporal bundler loads (workflowsPath).
export { payRecalibrationWorkflow } from './pay-recalibration.workflow';
export { payRecalibrationYearlyWorkflow } from './pay-recalibration-yearly.workflow';
export type * from './activities';
