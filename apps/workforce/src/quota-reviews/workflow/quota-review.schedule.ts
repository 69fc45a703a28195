import { ScheduleOverlapPolicy } from '@temporalio/client';
import { QUOTA_REVIEW_SCHEDULE_ID, QUOTA_REVIEW_YEARLY_WORKFLOW_TYPE, type QuotaReviewYearlyInput } from '@cwp/contracts';
import type { ScheduleDeclaration } from '@cwp/platform';

/** QUOTA-5: the yearly review, started by a Temporal Schedule (ensured at start-up, idempotent). */
export function quotaReviewSchedule(taskQueue: string, cron: string, decisionDays: number): ScheduleDeclaration {
  const input: QuotaReviewYearlyInput = { decisionDays };
  return {
    scheduleId: QUOTA_REVIEW_SCHEDULE_ID,
    spec: { cronExpressions: [cron], timezone: 'Asia/Shanghai' },
    action: {
      type: 'startWorkflow',
      workflowType: QUOTA_REVIEW_YEARLY_WORKFLOW_TYPE,
      taskQueue,
      workflowId: QUOTA_REVIEW_SCHEDULE_ID,
      args: [input],
    },
    // A missed 1 January (server down) still runs within a week; never two at once.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
  };
}
