/** Names the payroll service publishes and the Temporal names it runs under (shared by API and workflows). */

/** Default Temporal task queue of the payroll worker (tests and e2e runs override it). */
export const PAYROLL_TASK_QUEUE = 'payroll';

/** Kafka topics: pay changes keyed by worker id; city average wages keyed by year; recalibrations keyed by year. */
export const PAYROLL_PAY_TOPIC = 'cwp.payroll.pay';
export const PAYROLL_WAGES_TOPIC = 'cwp.payroll.wages';
export const PAYROLL_RECALIBRATIONS_TOPIC = 'cwp.payroll.recalibrations';

export const PAYROLL_EVENT_TYPES = {
  recalibrated: 'cwp.payroll.pay.recalibrated.v1',
  wagePublished: 'cwp.payroll.wage.published.v1',
  recalibrationApplied: 'cwp.payroll.recalibration.applied.v1',
  slipPaid: 'cwp.payroll.pay.slip-paid.v1',
} as const;

/** Workflow type names: the exported function names in @cwp/payroll-workflows. */
export const PAY_RECALIBRATION_WORKFLOW_TYPE = 'payRecalibrationWorkflow';
export const PAY_RECALIBRATION_YEARLY_WORKFLOW_TYPE = 'payRecalibrationYearlyWorkflow';

/** PAY-3: the Temporal Schedule that starts the yearly recalibration each January. */
export const PAY_RECALIBRATION_SCHEDULE_ID = 'pay-recalibration-yearly';

/** Business-key workflow id: one recalibration per pay year, so a duplicate start is impossible. */
export function payRecalibrationWorkflowId(payYear: number): string {
  return `pay-recalibration:${payYear}`;
}

/** PAY-2: the monthly pay run, started by a Schedule (idempotent by period in the rows). */
export const MONTHLY_PAY_RUN_WORKFLOW_TYPE = 'monthlyPayRunWorkflow';
export const MONTHLY_PAY_RUN_SCHEDULE_ID = 'pay-run-monthly';

/** PAY-4: every four years a Schedule opens the multiplier review (a task for the city, idempotent by year). */
export const MULTIPLIER_REVIEW_WORKFLOW_TYPE = 'multiplierReviewWorkflow';
export const MULTIPLIER_REVIEW_SCHEDULE_ID = 'pay-multiplier-review';
