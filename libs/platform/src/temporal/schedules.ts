import { Logger } from '@nestjs/common';
import {
  ScheduleAlreadyRunning,
  type Client,
  type ScheduleOptions,
  type ScheduleOptionsStartWorkflowAction,
  type Workflow,
} from '@temporalio/client';

export interface ScheduleDeclaration {
  /** Business key, e.g. `pay-recalibration-yearly`. */
  scheduleId: string;
  spec: ScheduleOptions['spec'];
  action: ScheduleOptionsStartWorkflowAction<Workflow>;
  policies?: ScheduleOptions['policies'];
}

export type ScheduleOutcome = { scheduleId: string; outcome: 'created' | 'updated' };

/**
 * Creates each declared schedule; one that already exists is updated to the declared spec, action
 * and policies, so start-up is idempotent and a changed declaration takes effect on deploy.
 * Its paused/running state (an operator's decision) is kept.
 */
export async function ensureSchedules(
  client: Client,
  schedules: readonly ScheduleDeclaration[],
  logger = new Logger('Schedules'),
): Promise<ScheduleOutcome[]> {
  const outcomes: ScheduleOutcome[] = [];
  for (const declared of schedules) {
    try {
      await client.schedule.create({
        scheduleId: declared.scheduleId,
        spec: declared.spec,
        action: declared.action,
        ...(declared.policies ? { policies: declared.policies } : {}),
      });
      outcomes.push({ scheduleId: declared.scheduleId, outcome: 'created' });
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await client.schedule.getHandle(declared.scheduleId).update((previous) => ({
        ...previous,
        spec: declared.spec,
        action: declared.action,
        policies: { ...previous.policies, ...declared.policies },
      }));
      outcomes.push({ scheduleId: declared.scheduleId, outcome: 'updated' });
    }
    logger.log(`Schedule ${declared.scheduleId} ${outcomes.at(-1)!.outcome}`);
  }
  return outcomes;
}
