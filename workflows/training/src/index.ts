// Workflow code only: this module is what the Temporal bundler loads (workflowsPath).
export { developmentPlanWorkflow } from './development-plan.workflow';
export { trainingComplianceWorkflow } from './compliance.workflow';
export { reserveCadreWorkflow } from './reserve-cadre.workflow';
export { mentorshipWorkflow } from './mentorship.workflow';
export type * from './activities';
