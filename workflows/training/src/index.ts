// Workflow code only: this module is what the Temporal bundler loads (workflowsPath).
export { developmentPlanWorkflow } from './development-plan.workflow';
export { trainingComplianceWorkflow } from './compliance.workflow';
export type * from './activities';
