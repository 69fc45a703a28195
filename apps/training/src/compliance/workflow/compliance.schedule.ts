import { ScheduleOverlapPolicy } from '@temporalio/client';
import { TRAINING_COMPLIANCE_SCHEDULE_ID, TRAINING_COMPLIANCE_WORKFLOW_TYPE, type TrainingComplianceInput } from '@cwp/contracts';
import type { ScheduleDeclaration } from '@cwp/platform';

/** TRAIN-3, TRAIN-4: the yearly compliance run, in January for the year before (the workflow derives the year). */
export function complianceSchedule(taskQueue: string, cron: string): ScheduleDeclaration {
  const input: TrainingComplianceInput = {};
  return {
    scheduleId: TRAINING_COMPLIANCE_SCHEDULE_ID,
    spec: { cronExpressions: [cron], timezone: 'Asia/Shanghai' },
    action: {
      type: 'startWorkflow',
      workflowType: TRAINING_COMPLIANCE_WORKFLOW_TYPE,
      taskQueue,
      workflowId: TRAINING_COMPLIANCE_SCHEDULE_ID,
      args: [input],
    },
    // A missed run (server down) still happens within a week; never two at once.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
  };
}
