import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { distributeByLargestRemainder } from '../money/distribute';
import { roundHalfAwayFromZero, roundTo } from '../money/rounding';
import { performanceShareFor } from '../parameters/performance-share';
import type { PolicyVersion } from '../parameters/policy-version';
import { recalibratedTotal } from './recalibrated-total';
import { monthlyBasePayFen, requirePostGrade, type PostGrade } from './pay-matrix';
import { requireReferenceWage, type ReferenceWage } from './reference-wage';

export interface RecalibrationWorker extends PostGrade {
  readonly id: string;
  /** What the worker is paid now, a year, in fen; defaults to the matrix at the current scale. */
  readonly currentAnnualFen?: number;
}

export interface RecalibrationInput {
  readonly payYear: number;
  readonly referenceWage: ReferenceWage;
  readonly workers: readonly RecalibrationWorker[];
  /** The multiple chosen this year (inside the band); defaults to the version's `pay.multiplier`. */
  readonly multiplier?: number;
  /** Scale of the matrix today (1 = the version's matrix as written). */
  readonly currentScale?: number;
}

export interface WorkerPayChange {
  readonly id: string;
  readonly currentAnnualFen: number;
  readonly newAnnualFen: number;
  readonly deltaFen: number;
}

export interface Recalibration {
  /** Factor to apply to the version's matrix: new pay = matrix pay × factor (6 decimals, informational). */
  readonly scaleFactor: number;
  /** The multiple aimed at after the ceiling (PAY-7). */
  readonly targetMultiple: number;
  /** Total new annual pay (fen), exact: the sum of `changes[].newAnnualFen`. */
  readonly totalFen: number;
  /** Average new annual pay in fen (2 decimals) and as a multiple of the reference wage (6 decimals). */
  readonly averageFen: number;
  readonly averageMultiple: number;
  readonly performanceShare: number;
  readonly gainers: number;
  readonly losers: number;
  readonly unchanged: number;
  /** PAY-7: workers whose new pay is below the average (the study: mostly young workers). */
  readonly belowAverage: number;
  /** Same order as the input. */
  readonly changes: readonly WorkerPayChange[];
}

/**
 * PAY-3 (PAY-1), PAY-4, PAY-5, PAY-7: the yearly recalibration. Each worker's matrix pay (PAY-2,
 * base pay grossed up by the performance share, since that share is of total pay) is scaled by
 * one factor so that average pay lands on the chosen multiple of the reference wage, cut to the
 * ceiling and kept inside the band. The new total is an exact number of fen, split over the
 * workers by largest remainder, so the average is exactly total/n and never above the ceiling.
 */
export function recalibrate(policy: PolicyVersion, input: RecalibrationInput): Decision<Recalibration> {
  const p = policy.pay;
  const n = input.workers.length;
  const ex = new ExplanationBuilder(
    {
      payYear: input.payYear,
      referenceWage: input.referenceWage,
      workers: n,
      multiplier: input.multiplier ?? null,
      currentScale: input.currentScale ?? 1,
    },
    policy.id,
  );
  if (n === 0) throw invalidInput('workers', 'at least one worker is needed to recalibrate', 'PAY-3');
  requireReferenceWage(policy, input.payYear, input.referenceWage, ex);
  const wage = input.referenceWage.annualFen;
  const chosen = input.multiplier ?? p.multiplier;
  if (!(chosen >= p.band.min && chosen <= p.band.max))
    throw invalidInput('multiplier', `${chosen} is outside the band ${p.band.min}..${p.band.max}`, 'PAY-3');
  const currentScale = input.currentScale ?? 1;
  if (!(currentScale > 0 && currentScale <= 10)) throw invalidInput('currentScale', `${currentScale} is outside 0..10`, 'PAY-3');

  const effectiveFrom = Number(policy.effectiveFrom.slice(0, 4));
  const sinceEffective = input.payYear - effectiveFrom;
  if (sinceEffective > 0 && sinceEffective % p.remeasureEveryYears === 0) {
    ex.step('PAY-4', `${input.payYear} is ${sinceEffective} years after ${effectiveFrom}: the multiplier is due to be re-measured`, true);
  }
  const share = performanceShareFor(policy, input.payYear);
  if (share >= 1) throw invalidInput('pay.performanceShare', 'a share of 100% leaves no base pay to scale', 'PAY-5');
  ex.step(
    'PAY-5',
    `Performance pay is ${roundTo(share * 100, 2)}% of total pay in ${input.payYear}: total = 12 × monthly base ÷ ${roundTo(1 - share, 6)}`,
    share,
  );

  // Matrix pay per worker (as weights: the grossed-up figure need not be whole fen).
  const gross = 12 / (1 - share);
  const weights = new Float64Array(n);
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    const w = input.workers[i]!;
    requirePostGrade(w, `workers[${i}]`);
    weights[i] = monthlyBasePayFen(p.matrix, w.category, w.level, w.yearsOfService) * gross;
    weightSum += weights[i]!;
  }
  ex.step(
    'PAY-2',
    `Matrix pay of ${n} workers from post, level and years of service: ${roundHalfAwayFromZero(weightSum)} fen a year`,
    roundHalfAwayFromZero(weightSum),
  );

  const { targetMultiple, totalFen } = recalibratedTotal(p, chosen, wage, n, ex);

  const newPay = distributeByLargestRemainder(totalFen, weights, 'workers');
  const averageFen = totalFen / n;
  let gainers = 0;
  let losers = 0;
  let belowAverage = 0;
  const changes = new Array<WorkerPayChange>(n);
  for (let i = 0; i < n; i++) {
    const w = input.workers[i]!;
    const currentAnnualFen = w.currentAnnualFen ?? roundHalfAwayFromZero(weights[i]! * currentScale);
    const deltaFen = newPay[i]! - currentAnnualFen;
    if (deltaFen > 0) gainers++;
    else if (deltaFen < 0) losers++;
    if (newPay[i]! < averageFen) belowAverage++;
    changes[i] = { id: w.id, currentAnnualFen, newAnnualFen: newPay[i]!, deltaFen };
  }
  const scaleFactor = roundTo(totalFen / weightSum, 6);
  const value: Recalibration = {
    scaleFactor,
    targetMultiple,
    totalFen,
    averageFen: roundTo(averageFen, 2),
    averageMultiple: roundTo(averageFen / wage, 6),
    performanceShare: share,
    gainers,
    losers,
    unchanged: n - gainers - losers,
    belowAverage,
    changes,
  };
  ex.step('PAY-3', `Scale factor ${scaleFactor}: ${gainers} gain, ${losers} lose, ${value.unchanged} unchanged against current pay`, {
    scaleFactor,
    gainers,
    losers,
  });
  ex.step('PAY-7', `${belowAverage} of ${n} workers are paid below the new average`, belowAverage);
  return ex.decide(value);
}
