/**
 * PAY-3 (PAY-1, PAY-5, PAY-7, PAY-8): the yearly recalibration of every worker's pay, one workflow
 * per pay year (`pay-recalibration:<year>`). The rows in PostgreSQL are the state; this workflow is
 * the timer and the order of steps:
 *
 * 1. open the year's row (a second start for an applied year returns at once);
 * 2. wait, durably, for the reference wage (a signal when it is published; a daily look otherwise);
 * 3. build the preview (set-based, in an activity) and wait for the city's approval (an update that
 *    names the preview it saw); a corrected wage or a changed multiplier rebuilds the preview, and
 *    an approval of the old one is refused;
 * 4. apply in chunks (heartbeating activities, one transaction per chunk; resumable, never twice);
 * 5. announce the totals; a wage corrected while the apply ran re-opens the year as it finishes,
 *    and the workflow continues as a new run that previews again (the approved figures went out whole).
 *
 * History stays small: one activity per `chunksPerActivity` chunks, and the wage wait is one timer
 * per day (continueAsNew after a year of waiting would be the next step; a wage is published within
 * weeks).
 */
import { condition, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  recalibrationApprovalUpdate,
  recalibrationInputsChangedSignal,
  recalibrationReopenedSignal,
  recalibrationStateQuery,
  type PayRecalibrationInput,
  type RecalibrationApprovalRequest,
  type RecalibrationState,
} from '@cwp/contracts';
import type { PayRecalibrationActivities } from './activities';

const quick = proxyActivities<PayRecalibrationActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// The preview is one set-based transaction (no natural point to heartbeat): a long start-to-close
// timeout and no heartbeat timeout, so a city-sized preview is not retried while it still runs.
const previewing = proxyActivities<PayRecalibrationActivities>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute' },
});

const heavy = proxyActivities<PayRecalibrationActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const emptyProgress = { done: 0, total: 0, ratePerSecond: null, etaAt: null, startedAt: null };

export async function payRecalibrationWorkflow(input: PayRecalibrationInput): Promise<RecalibrationState> {
  const { payYear } = input;
  const wageCheckMs = (input.wageCheckEveryHours ?? 24) * 3_600_000;
  const chunkSize = input.chunkSize ?? 2_000;
  const maxChunks = input.chunksPerActivity ?? 25;
  const state: RecalibrationState = {
    payYear,
    phase: 'waiting-wage',
    preview: null,
    previews: 0,
    approvedBy: null,
    progress: { ...emptyProgress },
  };
  let inputsChanged = false;
  let approval: RecalibrationApprovalRequest | null = null;
  // A correction re-opened the year after this run's apply committed: the next run is this run's to start.
  let reopenedMeanwhile = false;

  setHandler(recalibrationStateQuery, () => state);
  setHandler(recalibrationReopenedSignal, () => {
    reopenedMeanwhile = true;
  });
  setHandler(recalibrationInputsChangedSignal, () => {
    // Once approved, the approved figures go out whole: a correction from then on re-opens the year
    // when its apply finishes (the finish says so), it does not rebuild this preview.
    if (state.phase !== 'applying' && state.phase !== 'applied') inputsChanged = true;
  });
  setHandler(
    recalibrationApprovalUpdate,
    async (request) => {
      // The activity re-checks against the rows (a correction may have committed a moment ago).
      const approved = await quick.approvePreview({ payYear, previewId: request.previewId, approvedBy: request.approvedBy });
      approval = request;
      return approved;
    },
    {
      validator: (request) => {
        if (state.phase !== 'awaiting-approval')
          throw new Error(`the recalibration of ${payYear} is ${state.phase}, not awaiting approval`);
        if (inputsChanged) throw new Error('the wage or multiplier changed: a new preview is being built');
        if (request.previewId !== state.preview?.previewId)
          throw new Error(`preview ${request.previewId} is stale; the current one is ${state.preview?.previewId ?? 'none'}`);
      },
    },
  );

  const opened = await quick.openRecalibration({ payYear });
  if (opened.status === 'applied') {
    state.phase = 'applied';
    return state;
  }

  let previewId = opened.previewId;
  if (opened.status === 'open') {
    reopenedMeanwhile = false; // this run is the one that handles the re-opened year
    for (;;) {
      state.phase = 'waiting-wage';
      // Durable wait: a timer per check, woken early by the publication signal.
      while (!(await quick.findReferenceWage({ payYear }))) {
        inputsChanged = false;
        await condition(() => inputsChanged, wageCheckMs);
      }
      state.phase = 'previewing';
      inputsChanged = false;
      state.preview = await previewing.buildPreview({ payYear });
      state.previews += 1;
      state.phase = 'awaiting-approval';
      await condition(() => approval !== null || inputsChanged);
      // An approval the rows accepted stands: a change that lands after it is arrears, not a new preview.
      if (approval !== null) break;
    }
    previewId = state.preview!.previewId;
    state.approvedBy = (approval as RecalibrationApprovalRequest | null)?.approvedBy.sub ?? null;
  }

  state.phase = 'applying';
  for (;;) {
    const result = await heavy.applyChunks({ payYear, previewId: previewId!, chunkSize, maxChunks });
    state.progress = result.progress;
    if (result.finished) break;
  }
  // `?.`: a history recorded before the finish returned anything replays with undefined.
  const finished = await quick.finishRecalibration({ payYear, previewId: previewId! });
  state.phase = 'applied';
  // PAY-3: a wage corrected while this apply ran (kept on the row and re-opened by the finish), or
  // just after it: the year is open again and a new run builds its new preview (fresh history).
  if (finished?.reopened || reopenedMeanwhile) return continueAsNew<typeof payRecalibrationWorkflow>(input);
  return state;
}
