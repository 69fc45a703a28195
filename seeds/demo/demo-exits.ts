/**
 * Which demo workers left, when, and why, with the explanation the roster would have stored
 * (EXIT-2/EXIT-3 through @cwp/policy assessExitCauses, ORG-3 deciding the route). Pure: a
 * function of the worker and the demo's day, so a second load chooses exactly the same exits.
 */
import type { WorkerExitCause } from '@cwp/contracts';
import { assessExitCauses, type ExitFacts, type Explanation, type RuleId } from '@cwp/policy';
import { intBetween, keyedRandom, type SyntheticWorker } from './generator';

export interface DemoExit {
  exitedOn: string;
  cause: WorkerExitCause;
  rules: RuleId[];
  explanation: Explanation;
}

const DAY_MS = 86_400_000;
/** Exits fall in the two years before the demo's day. */
const EXIT_WINDOW_DAYS = 730;

// Legal citations as an operator would record them (EXIT-2, EXIT-3's tail): a resignation with
// notice and a retirement are the commonest ways anyone leaves.
const RESIGNATION = "the worker's resignation with 30 days' written notice (Labour Contract Law art. 37)";
const RETIREMENT = 'statutory retirement age reached (Labour Contract Law art. 44)';

/** The worker's exit, or null when the worker is still employed on `asOf`. */
export function demoExit(worker: SyntheticWorker, asOf: string, exitedShare: number): DemoExit | null {
  const random = keyedRandom('demo-exit', worker.id);
  if (random() >= exitedShare) return null;
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const hiredMs = Date.parse(`${worker.hireDate}T00:00:00Z`);
  const exitedOn = new Date(Math.max(hiredMs, asOfMs - intBetween(random, 0, EXIT_WINDOW_DAYS) * DAY_MS)).toISOString().slice(0, 10);
  const year = Number(exitedOn.slice(0, 4));
  const r = random();
  let cause: WorkerExitCause;
  let facts: ExitFacts;
  if (worker.entryRoute === 'elected') {
    // EXIT-2: an elected worker leaves only on a cause provided by law.
    cause = 'law';
    facts = { entryRoute: 'elected', statutoryCause: r < 0.6 ? RETIREMENT : RESIGNATION };
  } else if (r < 0.75) {
    cause = 'law';
    facts = { entryRoute: 'recruited', statutoryCause: RESIGNATION };
  } else if (r < 0.9) {
    // EXIT-3 (1) with APPR-5: unqualified in the two appraisal years before the exit.
    cause = 'unqualified-two-years';
    facts = {
      entryRoute: 'recruited',
      appraisals: [
        { year: year - 2, grade: 'unqualified' },
        { year: year - 1, grade: 'unqualified' },
      ],
    };
  } else {
    cause = 'unable-after-training';
    facts = { entryRoute: 'recruited', unableToDoJob: true, afterTrainingOrPostChange: true };
  }
  const { explanation } = assessExitCauses(facts);
  return { exitedOn, cause, rules: explanation.rules.map((rule) => rule.id), explanation };
}
