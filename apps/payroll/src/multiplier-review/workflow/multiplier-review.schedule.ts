import { ScheduleOverlapPolicy } from '@temporalio/client';
import { MULTIPLIER_REVIEW_SCHEDULE_ID, MULTIPLIER_REVIEW_WORKFLOW_TYPE } from '@cwp/contracts';
import type { ScheduleDeclaration } from '@cwp/platform';

/**
 * PAY-4: every four years from `firstYear` (a calendar with a year step: cron cannot say "every
 * fourth year"; Temporal takes years up to 2100), on 10 January, 09:00 Shanghai, the review workflow opens the city's review task.
 */
export function multiplierReviewSchedule(taskQueue: string, firstYear: number): ScheduleDeclaration {
  return {
    scheduleId: MULTIPLIER_REVIEW_SCHEDULE_ID,
    spec: {
      calendars: [{ year: { start: firstYear, end: 2100, step: 4 }, month: 'JANUARY', dayOfMonth: 10, hour: 9, minute: 0, second: 0 }],
      timezone: 'Asia/Shanghai',
    },
    action: {
      type: 'startWorkflow',
      workflowType: MULTIPLIER_REVIEW_WORKFLOW_TYPE,
      taskQueue,
      workflowId: MULTIPLIER_REVIEW_SCHEDULE_ID,
      args: [],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '30 days' },
  };
}
