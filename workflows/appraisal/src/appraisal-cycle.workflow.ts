/**
 * One workflow per unit and year (id `appraisal-cycle:<unitCode>:<year>`): the timer of the
 * yearly appraisal (APPR-1..4). Targets are recorded from the start (APPR-4); the rating window
 * opens at `ratingOpensAt`, raters who have not rated are reminded `reminderDays` before the
 * close, and the window closes at `ratingClosesAt` or on the operator's close. Close scores and
 * grades every worker set-based (one heartbeating activity); a unit whose distribution exceeds
 * the calibration limit waits for the operator to calibrate and publish; otherwise the results
 * are published at once. The rows are the state; this workflow only decides when.
 */
import { allHandlersFinished, condition, log, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import {
  appraisalCycleStateQuery,
  closeRatingUpdate,
  publishCycleUpdate,
  type AppraisalCycleInput,
  type AppraisalCycleState,
  type CyclePhase,
} from '@cwp/contracts';
import type { AppraisalCycleActivities } from './activities';

const DAY_MS = 24 * 60 * 60 * 1000;

const quick = proxyActivities<AppraisalCycleActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});
// Close and publish stream every worker of the unit (a whole city: 62,000): they heartbeat each
// chunk, so a stuck worker is noticed within a minute and a retry resumes after the last chunk.
const chunked = proxyActivities<AppraisalCycleActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function appraisalCycleWorkflow(input: AppraisalCycleInput): Promise<AppraisalCycleState> {
  let phase: CyclePhase = 'targets';
  let remindersSent = 0;
  let closedBy: AppraisalCycleState['closedBy'] = null;
  let unitsOverLimit: string[] = [];
  let published = 0;
  let publishRequested = false;
  const state = (): AppraisalCycleState => ({
    cycleId: input.cycleId,
    phase,
    remindersSent,
    closedBy,
    unitsOverLimit: [...unitsOverLimit],
    published,
  });

  setHandler(appraisalCycleStateQuery, state);
  setHandler(
    closeRatingUpdate,
    (_request) => {
      closedBy ??= 'operator';
      return state();
    },
    {
      validator: (_request) => {
        if (phase !== 'rating') throw new Error(`The rating window of ${input.unitCode} ${input.year} is not open (phase ${phase})`);
        if (closedBy !== null) throw new Error('The rating window is already closing');
      },
    },
  );
  setHandler(
    publishCycleUpdate,
    async ({ publishedBy }) => {
      // The activity refuses while a unit is still over the limit: the update fails, nothing changes.
      await quick.checkCalibration({ cycleId: input.cycleId, publishedBy });
      unitsOverLimit = [];
      publishRequested = true;
      return state();
    },
    {
      validator: (_request) => {
        if (phase !== 'calibrating')
          throw new Error(`The ${input.unitCode} ${input.year} cycle is not awaiting calibration (phase ${phase})`);
        if (publishRequested) throw new Error('Publishing has already been requested');
      },
    },
  );

  const opensAt = Date.parse(input.ratingOpensAt);
  const closesAt = Date.parse(input.ratingClosesAt);
  if (opensAt > Date.now()) await sleep(opensAt - Date.now());
  // The window counts as open from here: the activity records it in the row, and an operator who
  // reads that row and closes at once must not be refused because this workflow has not yet seen
  // the activity complete.
  phase = 'rating';
  await quick.openRating({ cycleId: input.cycleId });

  const remindAt = closesAt - input.reminderDays * DAY_MS;
  if (remindAt > Date.now() && !(await condition(() => closedBy !== null, remindAt - Date.now()))) {
    await quick.remindRaters({ cycleId: input.cycleId });
    remindersSent++;
  }
  if (closesAt > Date.now()) await condition(() => closedBy !== null, closesAt - Date.now());
  closedBy ??= 'deadline';

  phase = 'closing';
  const closed = await chunked.closeCycle({ cycleId: input.cycleId, closedBy });
  unitsOverLimit = closed.unitsOverLimit;
  if (unitsOverLimit.length > 0) {
    // APPR-2: the operator moves grades with reasons (API, audited), then publishes.
    phase = 'calibrating';
    await condition(() => publishRequested);
  }
  phase = 'publishing';
  published = (await chunked.publishResults({ cycleId: input.cycleId })).published;
  phase = 'published';
  await condition(allHandlersFinished);
  log.info('appraisal cycle published', { cycleId: input.cycleId, unitCode: input.unitCode, year: input.year, published });
  return state();
}
