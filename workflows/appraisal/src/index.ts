// Workflow code only: this module is what the Temporal bundler loads (workflowsPath).
export { performanceRecordWorkflow } from './performance-record.workflow';
export { appraisalCycleWorkflow } from './appraisal-cycle.workflow';
export type * from './activities';
