import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { requireNumber } from '../explain/require-input';
import { roundTo } from '../money/rounding';
import { performanceShareFor } from '../parameters/performance-share';
import { GRADES, type Grade, type PolicyVersion } from '../parameters/policy-version';
import { multipleOfWage } from './band-total';
import { memberShares, splitByGrade } from './pool-by-grade';
import { requireReferenceWage, type ReferenceWage } from './reference-wage';

export interface PoolMember {
  readonly id: string;
  /** Last appraisal grade (APPR-2). */
  readonly grade: Grade;
}

/** What binds a unit's pool (PAY-6): the quota and the per-place amount (or the wage it comes from). */
export interface PoolBasis {
  readonly payYear: number;
  /** The unit's quota (员额), not its headcount: PAY-6 binds the pool to the quota. */
  readonly quota: number;
  /** Needed unless `perPlaceAnnualFen` is given. */
  readonly referenceWage?: ReferenceWage;
  /** Overrides the per-quota-place amount (fen a year); by default target average pay × performance share. */
  readonly perPlaceAnnualFen?: number;
}

export interface PerformancePoolInput extends PoolBasis {
  readonly members: readonly PoolMember[];
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
  /** PAY-5/PAY-6: the pool's own instalments (4 quarters or 1 year), each the same for any headcount. */
  readonly instalmentsFen: readonly number[];
  readonly shares: readonly PoolShare[];
}

/**
 * PAY-5, PAY-6: the unit's yearly pool, quota × a per-place amount (target multiple × reference
 * wage × performance share, or given), whatever the headcount (包干制). Steps go into `ex`.
 */
export function poolOfQuota(
  policy: PolicyVersion,
  input: PoolBasis,
  headcount: number,
  ex: ExplanationBuilder,
): { perPlaceAnnualFen: number; poolFen: number } {
  requireNumber('quota', input.quota, { min: 0, max: 100_000, integer: true }, 'PAY-6');
  const share = performanceShareFor(policy, input.payYear);
  let perPlaceAnnualFen: number;
  if (input.perPlaceAnnualFen !== undefined) {
    perPlaceAnnualFen = requireNumber('perPlaceAnnualFen', input.perPlaceAnnualFen, { min: 0, max: 1e9, integer: true }, 'PAY-6');
    ex.step('PAY-6', `Per quota place: ${perPlaceAnnualFen} fen a year (given)`, perPlaceAnnualFen);
  } else {
    if (input.referenceWage === undefined) throw invalidInput('referenceWage', 'is required unless perPlaceAnnualFen is given', 'PAY-6');
    requireReferenceWage(policy, input.payYear, input.referenceWage, ex);
    const target = Math.min(policy.pay.multiplier, policy.pay.ceilingMultiplier);
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
    `Pool bound to the quota: ${input.quota} × ${perPlaceAnnualFen} = ${poolFen} fen, the same for any headcount (${headcount} now)`,
    poolFen,
  );
  return { perPlaceAnnualFen, poolFen };
}

/** PAY-5: how many payments a year's performance pay is split into (4 quarters, or 1 yearly). */
export function instalmentsPerYear(policy: PolicyVersion): number {
  return policy.pay.performancePaidEvery === 'quarter' ? 4 : 1;
}

/** Instalment `index` (0-based) of `count` equal payments of a yearly figure: one fen more in the first (total mod count). */
export function instalmentFen(totalFen: number, index: number, count: number): number {
  return Math.floor(totalFen / count) + (index < totalFen % count ? 1 : 0);
}

/**
 * PAY-5 and PAY-6: the unit's performance pool is quota × a per-place amount, whatever the
 * headcount (包干制); it is paid in instalments (quarterly or yearly, as the version says), each the
 * same for any headcount, and each instalment is shared by grade weight (excellent > qualified >
 * basically qualified; unqualified nothing unless the version gives it a weight) with largest
 * remainders (`splitByGrade`), so shares sum exactly to the instalment. The monthly pay run pays
 * the same figures (`poolInstalment` + the same expansion in SQL).
 */
export function performancePool(policy: PolicyVersion, input: PerformancePoolInput): Decision<PerformancePool> {
  const p = policy.pay;
  const ex = new ExplanationBuilder(
    { payYear: input.payYear, quota: input.quota, referenceWage: input.referenceWage ?? null, members: input.members.length },
    policy.id,
  );
  const { perPlaceAnnualFen, poolFen } = poolOfQuota(policy, input, input.members.length, ex);
  const counts: Partial<Record<Grade, number>> = {};
  input.members.forEach((m, i) => {
    if (!GRADES.includes(m.grade)) throw invalidInput(`members[${i}].grade`, `must be one of ${GRADES.join(', ')}`, 'PAY-5');
    counts[m.grade] = (counts[m.grade] ?? 0) + 1;
  });
  ex.step('PAY-5', 'Each instalment shared by grade weight', p.gradePerformanceWeights);
  const count = instalmentsPerYear(policy);
  const instalmentsFen = Array.from({ length: count }, (_, i) => instalmentFen(poolFen, i, count));
  const grades = input.members.map((m) => m.grade);
  const perInstalment = instalmentsFen.map((fen) => memberShares(splitByGrade(fen, counts, p.gradePerformanceWeights), grades));
  const shares = input.members.map((m, j) => {
    const parts = perInstalment.map((inst) => inst[j]!);
    return { id: m.id, grade: m.grade, annualFen: parts.reduce((a, b) => a + b, 0), instalmentsFen: parts };
  });
  const distributedFen = shares.reduce((a, s) => a + s.annualFen, 0);
  if (distributedFen < poolFen)
    ex.step('PAY-5', `Nobody may share: ${poolFen - distributedFen} fen stay undistributed`, poolFen - distributedFen);
  ex.step(
    'PAY-5',
    `Paid ${p.performancePaidEvery === 'quarter' ? 'quarterly' : `yearly (month ${p.performancePaidInMonth})`}`,
    p.performancePaidEvery,
  );
  return ex.decide({
    poolFen,
    perPlaceAnnualFen,
    distributedFen,
    undistributedFen: poolFen - distributedFen,
    paidEvery: p.performancePaidEvery,
    instalmentsFen,
    shares,
  });
}
