// Workflow code only: this module is what the Temporal bundler loads (workflowsPath).
export { talentPoolEntryWorkflow } from './entry.workflow';
export type * from './activities';
