import { ScheduleOverlapPolicy } from '@temporalio/client';
import { MONTHLY_PAY_RUN_SCHEDULE_ID, MONTHLY_PAY_RUN_WORKFLOW_TYPE } from '@cwp/contracts';
import type { ScheduleDeclaration } from '@cwp/platform';

/** PAY-2: the monthly pay run, started by a Temporal Schedule (ensured at start-up). */
export function monthlyPayRunSchedule(taskQueue: string, cron: string): ScheduleDeclaration {
  return {
    scheduleId: MONTHLY_PAY_RUN_SCHEDULE_ID,
    spec: { cronExpressions: [cron], timezone: 'Asia/Shanghai' },
    action: {
      type: 'startWorkflow',
      workflowType: MONTHLY_PAY_RUN_WORKFLOW_TYPE,
      taskQueue,
      workflowId: MONTHLY_PAY_RUN_SCHEDULE_ID,
      args: [],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '3 days' },
  };
}
