import { ExplanationBuilder, type Decision, type Explanation } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { distributeByLargestRemainder } from '../money/distribute';
import { roundHalfAwayFromZero, roundTo } from '../money/rounding';
import { performanceShareFor } from '../parameters/performance-share';
import { recalibratedTotal } from './recalibrated-total';
import type { PolicyVersion, PostCategory } from '../parameters/policy-version';
import { monthlyBasePay, monthlyBasePayFen, requirePostGrade } from './pay-matrix';
import { requireReferenceWage, type ReferenceWage } from './reference-wage';

/** Workers of one post category, level and length of service: they share one matrix pay (PAY-2). */
export interface PayGroup {
  readonly category: PostCategory;
  readonly level: number;
  readonly yearsOfService: number;
  readonly workers: number;
}

export interface GroupOutcome extends PayGroup {
  /** PAY-2 matrix pay a year grossed up by the performance share (PAY-5), rounded: "current" pay of a worker never recalibrated. */
  readonly matrixAnnualFen: number;
  /** The group's exact share of the new total (largest remainder over groups). */
  readonly groupTotalFen: number;
  /** Each worker gets `floorFen`; the first `extraWorkers` (by worker id) one fen more: the parts sum to groupTotalFen. */
  readonly floorFen: number;
  readonly extraWorkers: number;
  readonly explanation: Explanation;
}

export interface GroupedRecalibration {
  readonly payYear: number;
  readonly workers: number;
  readonly totalFen: number;
  readonly scaleFactor: number;
  readonly chosenMultiple: number;
  readonly targetMultiple: number;
  readonly averageFen: number;
  readonly averageMultiple: number;
  readonly performanceShare: number;
  /** PAY-7: the chosen multiple was above the ceiling, so every worker's pay is held by it. */
  readonly heldByCeiling: boolean;
  readonly groups: readonly GroupOutcome[];
}

export interface GroupedRecalibrationInput {
  readonly payYear: number;
  readonly referenceWage: ReferenceWage;
  readonly groups: readonly PayGroup[];
  /** The multiple chosen this year; defaults to the version's `pay.multiplier`. */
  readonly multiplier?: number;
}

/**
 * PAY-3 (PAY-1), PAY-2, PAY-5, PAY-7 for a whole city in O(groups): the same decision as
 * `recalibrate` (recalibration.ts), computed on the few hundred (category, level, years) groups that SQL counts instead
 * of on every worker. The total is pinned to the chosen multiple (cut to the ceiling, kept in the
 * band), split over groups by matrix weight with largest remainders, then inside each group evenly
 * (floor, and one fen more for the first `extraWorkers`), so the parts sum exactly to the total and
 * each worker is within one fen of `recalibrate`'s figure (the spec checks both).
 */
export function recalibrateGroups(policy: PolicyVersion, input: GroupedRecalibrationInput): Decision<GroupedRecalibration> {
  const p = policy.pay;
  const n = input.groups.reduce((a, g) => a + g.workers, 0);
  const ex = new ExplanationBuilder(
    {
      payYear: input.payYear,
      referenceWage: input.referenceWage,
      workers: n,
      groups: input.groups.length,
      multiplier: input.multiplier ?? null,
    },
    policy.id,
  );
  if (n === 0) throw invalidInput('workers', 'at least one worker is needed to recalibrate', 'PAY-3');
  requireReferenceWage(policy, input.payYear, input.referenceWage, ex);
  const wage = input.referenceWage.annualFen;
  const chosen = input.multiplier ?? p.multiplier;
  if (!(chosen >= p.band.min && chosen <= p.band.max)) {
    throw invalidInput('multiplier', `${chosen} is outside the band ${p.band.min}..${p.band.max}`, 'PAY-3');
  }
  const share = performanceShareFor(policy, input.payYear);
  if (share >= 1) throw invalidInput('pay.performanceShare', 'a share of 100% leaves no base pay to scale', 'PAY-5');
  const gross = 12 / (1 - share);
  ex.step(
    'PAY-5',
    `Performance pay is ${roundTo(share * 100, 2)}% of total pay in ${input.payYear}: total = 12 × monthly base ÷ ${roundTo(1 - share, 6)}`,
    share,
  );

  const weights = input.groups.map((g, i) => {
    requirePostGrade({ category: g.category, level: g.level, yearsOfService: g.yearsOfService }, `groups[${i}]`);
    return monthlyBasePayFen(p.matrix, g.category, g.level, g.yearsOfService) * gross;
  });
  const groupWeights = weights.map((w, i) => w * input.groups[i]!.workers);
  const weightSum = groupWeights.reduce((a, b) => a + b, 0);
  ex.step(
    'PAY-2',
    `Matrix pay of ${n} workers in ${input.groups.length} post/level/service groups: ${roundHalfAwayFromZero(weightSum)} fen a year`,
    roundHalfAwayFromZero(weightSum),
  );

  const { targetMultiple, heldByCeiling, totalFen } = recalibratedTotal(p, chosen, wage, n, ex);

  const groupTotals = distributeByLargestRemainder(totalFen, groupWeights, 'groups');
  const scaleFactor = roundTo(totalFen / weightSum, 6);
  ex.step(
    'PAY-3',
    `Scale factor ${scaleFactor} on matrix pay; split by largest remainder, so the parts sum to the total exactly`,
    scaleFactor,
  );
  const groups = input.groups.map((g, i): GroupOutcome => {
    const groupTotalFen = groupTotals[i]!;
    const floorFen = Math.floor(groupTotalFen / g.workers);
    const matrixAnnualFen = roundHalfAwayFromZero(weights[i]!);
    const explanation = new ExplanationBuilder(
      { category: g.category, level: g.level, yearsOfService: g.yearsOfService, workersInGroup: g.workers },
      policy.id,
    )
      .absorb(monthlyBasePay(policy, { category: g.category, level: g.level, yearsOfService: g.yearsOfService }).explanation)
      .step(
        'PAY-5',
        `Grossed up by the ${roundTo(share * 100, 2)}% performance share: ${matrixAnnualFen} fen a year at the matrix as written`,
        matrixAnnualFen,
      )
      .step(
        'PAY-3',
        `× scale factor ${scaleFactor} (${targetMultiple} × the ${input.referenceWage.year} city average wage ${wage} fen on average): ${floorFen} fen a year (+1 fen for ${groupTotalFen - floorFen * g.workers} of ${g.workers} by largest remainder)`,
        floorFen,
      )
      .build();
    return {
      ...g,
      matrixAnnualFen,
      groupTotalFen,
      floorFen,
      extraWorkers: groupTotalFen - floorFen * g.workers,
      explanation: heldByCeiling ? withCeiling(explanation, chosen, p.ceilingMultiplier) : explanation,
    };
  });
  const averageFen = totalFen / n;
  return ex.decide({
    payYear: input.payYear,
    workers: n,
    totalFen,
    scaleFactor,
    chosenMultiple: chosen,
    targetMultiple,
    averageFen: roundTo(averageFen, 2),
    averageMultiple: roundTo(averageFen / wage, 6),
    performanceShare: share,
    heldByCeiling,
    groups,
  });
}

function withCeiling(explanation: Explanation, chosen: number, ceiling: number): Explanation {
  return new ExplanationBuilder({ ...explanation.inputs }, explanation.policyVersion)
    .absorb(explanation)
    .step('PAY-7', `Held by the ceiling: the chosen ${chosen} × wage was cut to ${ceiling} ×`, ceiling)
    .build();
}
