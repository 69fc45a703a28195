import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { requireNumber } from '../explain/require-input';
import { distributeByLargestRemainder } from '../money/distribute';
import { roundTo } from '../money/rounding';
import { performanceShareFor } from '../parameters/performance-share';
import { GRADES, type Grade, type PolicyVersion } from '../parameters/policy-version';
import { multipleOfWage } from './band-total';
import { requireReferenceWage, type ReferenceWage } from './reference-wage';

export interface PoolMember {
  readonly id: string;
  /** Last appraisal grade (APPR-2). */
  readonly grade: Grade;
}

export interface PerformancePoolInput {
  readonly payYear: number;
  /** The unit's quota (员额), not its headcount: PAY-6 binds the pool to the quota. */
  readonly quota: number;
  /** Needed unless `perPlaceAnnualFen` is given. */
  readonly referenceWage?: ReferenceWage;
  readonly members: readonly PoolMember[];
  /** Overrides the per-quota-place amount (fen a year); by default target average pay × performance share. */
  readonly perPlaceAnnualFen?: number;
}

export interface PoolShare {
  readonly id: string;
  readonly grade: Grade;
  readonly annualFen: number;
  /** PAY-5: 4 quarterly instalments or 1 yearly payment, summing exactly to annualFen. */
  readonly instalmentsFen: readonly number[];
}

export interface PerformancePool {
  readonly poolFen: number;
  readonly perPlaceAnnualFen: number;
  readonly distributedFen: number;
  /** Left in the pool when nobody may share (e.g. everybody unqualified). */
  readonly undistributedFen: number;
  readonly paidEvery: 'quarter' | 'year';
  readonly shares: readonly PoolShare[];
}

/**
 * PAY-5 and PAY-6: the unit's performance pool is quota × a per-place amount, whatever the
 * headcount (包干制); it is shared by grade weight (excellent > qualified > basically qualified;
 * unqualified nothing unless the version gives it a weight) with largest remainders, so shares sum
 * exactly to the pool; then each share is split into quarterly or yearly payments.
 */
export function performancePool(policy: PolicyVersion, input: PerformancePoolInput): Decision<PerformancePool> {
  const p = policy.pay;
  requireNumber('quota', input.quota, { min: 0, max: 100_000, integer: true }, 'PAY-6');
  const ex = new ExplanationBuilder(
    { payYear: input.payYear, quota: input.quota, referenceWage: input.referenceWage ?? null, members: input.members.length },
    policy.id,
  );
  const share = performanceShareFor(policy, input.payYear);
  let perPlaceAnnualFen: number;
  if (input.perPlaceAnnualFen !== undefined) {
    perPlaceAnnualFen = requireNumber('perPlaceAnnualFen', input.perPlaceAnnualFen, { min: 0, max: 1e9, integer: true }, 'PAY-6');
    ex.step('PAY-6', `Per quota place: ${perPlaceAnnualFen} fen a year (given)`, perPlaceAnnualFen);
  } else {
    if (input.referenceWage === undefined) throw invalidInput('referenceWage', 'is required unless perPlaceAnnualFen is given', 'PAY-6');
    requireReferenceWage(policy, input.payYear, input.referenceWage, ex);
    const target = Math.min(p.multiplier, p.ceilingMultiplier);
    perPlaceAnnualFen = multipleOfWage(target * share, input.referenceWage.annualFen, 1).round;
    ex.step(
      'PAY-5',
      `Per quota place: ${target} × wage × ${roundTo(share * 100, 2)}% performance share = ${perPlaceAnnualFen} fen a year`,
      perPlaceAnnualFen,
    );
  }
  const poolFen = perPlaceAnnualFen * input.quota;
  ex.step(
    'PAY-6',
    `Pool bound to the quota: ${input.quota} × ${perPlaceAnnualFen} = ${poolFen} fen, the same for any headcount (${input.members.length} now)`,
    poolFen,
  );

  const weights = input.members.map((m, i) => {
    if (!GRADES.includes(m.grade)) throw invalidInput(`members[${i}].grade`, `must be one of ${GRADES.join(', ')}`, 'PAY-5');
    return p.gradePerformanceWeights[m.grade];
  });
  ex.step('PAY-5', 'Shared by grade weight', p.gradePerformanceWeights);
  const annual = distributeByLargestRemainder(poolFen, weights, 'members');
  const distributedFen = annual.reduce((a, b) => a + b, 0);
  const instalments = p.performancePaidEvery === 'quarter' ? 4 : 1;
  const shares = input.members.map((m, i) => ({
    id: m.id,
    grade: m.grade,
    annualFen: annual[i]!,
    instalmentsFen: distributeByLargestRemainder(annual[i]!, new Array<number>(instalments).fill(1)),
  }));
  if (distributedFen < poolFen)
    ex.step('PAY-5', `Nobody may share: ${poolFen - distributedFen} fen stay undistributed`, poolFen - distributedFen);
  ex.step('PAY-5', `Paid ${p.performancePaidEvery === 'quarter' ? 'quarterly' : 'yearly'}`, p.performancePaidEvery);
  return ex.decide({
    poolFen,
    perPlaceAnnualFen,
    distributedFen,
    undistributedFen: poolFen - distributedFen,
    paidEvery: p.performancePaidEvery,
    shares,
  });
}
