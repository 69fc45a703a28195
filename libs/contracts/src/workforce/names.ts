/** Names the workforce service publishes and the Temporal names it runs under (shared by API and workflows). */

/** Default Temporal task queue of the workforce worker (tests and e2e runs override it). */
export const WORKFORCE_TASK_QUEUE = 'workforce';

/** Kafka topic of quota events, keyed by org unit code (order per unit). */
export const WORKFORCE_QUOTAS_TOPIC = 'cwp.workforce.quotas';

export const WORKFORCE_QUOTA_EVENT_TYPES = {
  changed: 'cwp.workforce.quota.changed.v1',
  floatingLent: 'cwp.workforce.quota.floating-lent.v1',
  floatingReturned: 'cwp.workforce.quota.floating-returned.v1',
  reviewOpened: 'cwp.workforce.quota-review.opened.v1',
  reviewClosed: 'cwp.workforce.quota-review.closed.v1',
} as const;

/** Workflow type names: the exported function names in @cwp/workforce-workflows. */
export const QUOTA_REVIEW_WORKFLOW_TYPE = 'quotaReviewWorkflow';
export const QUOTA_REVIEW_YEARLY_WORKFLOW_TYPE = 'quotaReviewYearlyWorkflow';

/** QUOTA-5: the Temporal Schedule that starts the yearly review (created idempotently at start-up). */
export const QUOTA_REVIEW_SCHEDULE_ID = 'quota-review-yearly';

/** Business-key workflow id: one review per year, so a duplicate start is impossible. */
export function quotaReviewWorkflowId(year: number): string {
  return `quota-review:${year}`;
}
