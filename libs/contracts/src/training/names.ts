/** Names the training service publishes and the Temporal names it runs under (shared by API and workflows). */

/** Default Temporal task queue of the training worker (tests and e2e runs override it). */
export const TRAINING_TASK_QUEUE = 'training';

/** Kafka topic of certificates (TRAIN-8), keyed by worker id. */
export const TRAINING_CERTIFICATES_TOPIC = 'cwp.training.certificates';
/** Kafka topic of yearly compliance findings (TRAIN-3, TRAIN-4), keyed by worker id. */
export const TRAINING_COMPLIANCE_TOPIC = 'cwp.training.compliance';
/** Kafka topic of each worker's development plan milestones (TRAIN-2), keyed by worker id. */
export const TRAINING_PLANS_TOPIC = 'cwp.training.plans';

/** Kafka topic of the reserve cadres (REC-8): nominations, confirmations, yearly reviews; keyed by worker id. */
export const TRAINING_CADRES_TOPIC = 'cwp.training.cadres';

export const TRAINING_EVENT_TYPES = {
  certificateRecorded: 'cwp.training.certificate.recorded.v1',
  complianceShortfall: 'cwp.training.compliance.shortfall.v1',
  complianceCleared: 'cwp.training.compliance.cleared.v1',
  planMilestone: 'cwp.training.plan.milestone.v1',
  reserveCadreChanged: 'cwp.training.reserve-cadre.changed.v1',
} as const;

/** Workflow type names: the exported function names in @cwp/training-workflows. */
export const DEVELOPMENT_PLAN_WORKFLOW_TYPE = 'developmentPlanWorkflow';
export const TRAINING_COMPLIANCE_WORKFLOW_TYPE = 'trainingComplianceWorkflow';
export const RESERVE_CADRE_WORKFLOW_TYPE = 'reserveCadreWorkflow';
export const MENTORSHIP_WORKFLOW_TYPE = 'mentorshipWorkflow';

/** Business-key workflow id: one yearly-review timer per confirmed reserve cadre (REC-8). */
export function reserveCadreWorkflowId(cadreId: string): string {
  return `training-cadre:${cadreId}`;
}

/** Business-key workflow id: one check-in reminder timer per mentoring pair (TRAIN-9). */
export function mentorshipWorkflowId(mentorshipId: string): string {
  return `training-mentorship:${mentorshipId}`;
}

/** Business-key workflow id: one development plan per worker (TRAIN-2). */
export function developmentPlanWorkflowId(workerId: string): string {
  return `training-plan:${workerId}`;
}

/** Business-key workflow id: one compliance run per year (TRAIN-3, TRAIN-4). */
export function trainingComplianceWorkflowId(year: number): string {
  return `training-compliance:${year}`;
}

/** The yearly compliance schedule's id. */
export const TRAINING_COMPLIANCE_SCHEDULE_ID = 'training-compliance-yearly';
