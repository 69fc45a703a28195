/**
 * One workflow per new worker (id `training-plan:<workerId>`), started from the workforce
 * service's `worker.hired` event: the worker's development plan (TRAIN-2).
 *
 * - First run, `becoming-qualified`: the four ones (one study visit, one secondment, one research
 *   topic, one innovation project) are due within the first three years. A reminder goes to the
 *   street on each service anniversary before the deadline and once more `reminderDaysBeforeDue`
 *   before it (the activity reads the evidence rows; nothing is reminded when all four are done).
 *   At three years the qualified check is recorded; the run continues as new.
 * - Second run, `maturing`: at seven years the maturity milestone is recorded; the plan completes.
 * - The worker's exit ends the plan at once; a transfer only moves its unit (TRAIN-2 follows the
 *   worker, not the post).
 *
 * Durable timers only (no polling): each run's history holds a handful of timers and activities.
 */
import { condition, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  developmentPlanStateQuery,
  planTransferredSignal,
  planWorkerExitedSignal,
  type DevelopmentPlanInput,
  type DevelopmentPlanOutcome,
  type DevelopmentPlanState,
} from '@cwp/contracts';
import type { DevelopmentPlanActivities } from './activities';
import { addYears, anniversariesBefore, isoDate } from './plan-dates';

const DAY_MS = 24 * 60 * 60 * 1000;

const acts = proxyActivities<DevelopmentPlanActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function developmentPlanWorkflow(input: DevelopmentPlanInput): Promise<DevelopmentPlanOutcome> {
  const phase = input.phase ?? 'becoming-qualified';
  const { workerId } = input;
  let unitCode = input.unitCode;
  let exited = false;
  let reminders = 0;
  let qualified: boolean | null = input.qualified ?? null;
  let mature: boolean | null = null;
  let ended: DevelopmentPlanState['ended'] = null;

  setHandler(planWorkerExitedSignal, () => void (exited = true));
  setHandler(planTransferredSignal, ({ unitCode: to }) => void (unitCode = to));
  setHandler(developmentPlanStateQuery, () => ({
    workerId,
    unitCode,
    phase: ended ? 'ended' : phase,
    reminders,
    qualified,
    mature,
    ended,
  }));

  /** Sleeps until `at` (epoch ms) unless the worker exits first; true when the worker exited. */
  const exitBefore = async (at: number): Promise<boolean> => {
    const ms = at - Date.now();
    if (ms > 0) await condition(() => exited, ms);
    return exited;
  };
  const end = async (reason: 'exited' | 'completed'): Promise<DevelopmentPlanOutcome> => {
    ended = reason;
    await acts.closePlan({ workerId, reason });
    return { workerId, qualified, mature, ended: reason };
  };

  if (phase === 'becoming-qualified') {
    const dueAt = addYears(input.hiredOn, input.qualifiedAfterYears);
    const dueBy = isoDate(dueAt);
    const points = [...anniversariesBefore(input.hiredOn, input.qualifiedAfterYears), dueAt - input.reminderDaysBeforeDue * DAY_MS]
      .filter((at) => at > Date.now() && at < dueAt)
      .sort((a, b) => a - b);
    for (const [round, at] of points.entries()) {
      if (await exitBefore(at)) return end('exited');
      const { missing } = await acts.remindFourOnes({ workerId, round: round + 1, dueBy });
      if (missing.length > 0) reminders++;
    }
    if (await exitBefore(dueAt)) return end('exited');
    qualified = (await acts.recordMilestone({ workerId, milestone: 'qualified', on: dueBy })).met;
    if (exited) return end('exited');
    // A new run for the four quiet years to maturity: the first run's history stays behind.
    return continueAsNew<typeof developmentPlanWorkflow>({ ...input, unitCode, phase: 'maturing', qualified });
  }

  const matureAt = addYears(input.hiredOn, input.matureAfterYears);
  if (await exitBefore(matureAt)) return end('exited');
  mature = (await acts.recordMilestone({ workerId, milestone: 'mature', on: isoDate(matureAt) })).met;
  return end(exited ? 'exited' : 'completed');
}
