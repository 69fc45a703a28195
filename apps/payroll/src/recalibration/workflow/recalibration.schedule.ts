import { ScheduleOverlapPolicy } from '@temporalio/client';
import { PAY_RECALIBRATION_SCHEDULE_ID, PAY_RECALIBRATION_YEARLY_WORKFLOW_TYPE, type PayRecalibrationYearlyInput } from '@cwp/contracts';
import type { ScheduleDeclaration } from '@cwp/platform';

/** PAY-3: the yearly recalibration, started each January by a Temporal Schedule (ensured at start-up). */
export function recalibrationSchedule(taskQueue: string, cron: string, input: PayRecalibrationYearlyInput): ScheduleDeclaration {
  return {
    scheduleId: PAY_RECALIBRATION_SCHEDULE_ID,
    spec: { cronExpressions: [cron], timezone: 'Asia/Shanghai' },
    action: {
      type: 'startWorkflow',
      workflowType: PAY_RECALIBRATION_YEARLY_WORKFLOW_TYPE,
      taskQueue,
      workflowId: PAY_RECALIBRATION_SCHEDULE_ID,
      args: [input],
    },
    // A missed January run (server down) still runs within a week; never two at once.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
  };
}
