/**
 * One workflow per confirmed reserve cadre (REC-8), id `training-cadre:<cadreId>`, started after the
 * district's confirmation commits: the yearly review. On each anniversary of the confirmation the
 * activity opens that year's review (the district is asked to keep or remove the candidate; the
 * activity also ends the cadre of a worker who left). The timer ends when the cadre leaves the
 * reserve: at once on the `reserveCadreEnded` signal, or at the next review point if a signal was
 * lost. A new run after every tenth review (continueAsNew): the history stays small over a long reserve.
 */
import { condition, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import { reserveCadreEndedSignal, type ReserveCadreInput, type ReserveCadreOutcome } from '@cwp/contracts';
import type { ReserveCadreActivities } from './activities';
import { addYears, isoDate } from './plan-dates';

const REVIEWS_PER_RUN = 10;

const acts = proxyActivities<ReserveCadreActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function reserveCadreWorkflow(input: ReserveCadreInput): Promise<ReserveCadreOutcome> {
  const { cadreId } = input;
  let ended: ReserveCadreOutcome['ended'] | null = null;
  let opened = input.reviewsOpened ?? 0;
  setHandler(reserveCadreEndedSignal, ({ reason }) => void (ended ??= reason));

  for (;;) {
    const at = addYears(input.confirmedOn, (opened + 1) * input.reviewEveryYears);
    const ms = at - Date.now();
    if (ms > 0) await condition(() => ended !== null, ms);
    if (ended) return { cadreId, reviewsOpened: opened, ended };
    const { status } = await acts.openCadreReview({ cadreId, round: opened + 1, dueOn: isoDate(at) });
    opened++;
    if (status !== 'confirmed') return { cadreId, reviewsOpened: opened, ended: status === 'exited' ? 'exited' : 'removed' };
    // Every tenth review starts a new run: the history stays small over a long reserve.
    if (opened % REVIEWS_PER_RUN === 0) return continueAsNew<typeof reserveCadreWorkflow>({ ...input, reviewsOpened: opened });
  }
}
