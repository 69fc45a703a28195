import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { requireNumber } from '../explain/require-input';
import { GRADES, type Grade, type PolicyVersion } from '../parameters/policy-version';
import { instalmentFen, poolOfQuota, type PoolBasis } from './performance-pool';
import { splitByGrade, type GradeSplit } from './pool-by-grade';

/** Which payment of the year's performance pay falls due in a month (PAY-5), or null in another month. */
export interface DueInstalment {
  /** 0-based: quarter − 1, or 0 for the yearly payment. */
  readonly index: number;
  readonly count: number;
}

/**
 * PAY-5: performance pay is paid quarterly (in the quarter's last month: March, June, September,
 * December) or yearly (in the month the version names, December unless it says otherwise).
 */
export function performanceInstalmentDue(policy: PolicyVersion, month: number): DueInstalment | null {
  requireNumber('month', month, { min: 1, max: 12, integer: true }, 'PAY-5');
  if (policy.pay.performancePaidEvery === 'quarter') return month % 3 === 0 ? { index: month / 3 - 1, count: 4 } : null;
  return month === policy.pay.performancePaidInMonth ? { index: 0, count: 1 } : null;
}

export interface PoolInstalmentInput extends PoolBasis {
  readonly month: number;
  /** The unit's members with a grade, counted by grade: the headcount that shares (not the quota). */
  readonly gradeCounts: Readonly<Partial<Record<Grade, number>>>;
  /** Members with no grade of the appraisal year yet: they take no share (listed, not counted). */
  readonly ungraded?: number;
}

export interface PoolInstalment {
  readonly due: DueInstalment;
  readonly perPlaceAnnualFen: number;
  readonly poolFen: number;
  /** This month's part of the pool: the same for any headcount (PAY-6). */
  readonly instalmentFen: number;
  readonly split: GradeSplit;
}

/**
 * PAY-5, PAY-6 for the monthly pay run: the unit's pool (quota × per place, whatever the
 * headcount), the instalment due this month, and its split by grade among the members with a grade
 * (`splitByGrade`; the pay run expands it to workers in worker-id order, as `performancePool` does).
 * Null value when nothing falls due in the month. The same figures as `performancePool`'s instalment.
 */
export function poolInstalment(policy: PolicyVersion, input: PoolInstalmentInput): Decision<PoolInstalment | null> {
  const headcount = GRADES.reduce((n, g) => n + (input.gradeCounts[g] ?? 0), 0);
  const ex = new ExplanationBuilder(
    {
      payYear: input.payYear,
      month: input.month,
      quota: input.quota,
      referenceWage: input.referenceWage ?? null,
      gradeCounts: input.gradeCounts,
      ungraded: input.ungraded ?? 0,
    },
    policy.id,
  );
  const due = performanceInstalmentDue(policy, input.month);
  if (!due) {
    ex.step('PAY-5', `No performance pay falls due in month ${input.month} (${describePaid(policy)})`);
    return ex.decide(null);
  }
  const { perPlaceAnnualFen, poolFen } = poolOfQuota(policy, input, headcount + (input.ungraded ?? 0), ex);
  const fen = instalmentFen(poolFen, due.index, due.count);
  ex.step(
    'PAY-5',
    due.count === 4
      ? `Due this month: quarter ${due.index + 1} of 4 of the pool, ${fen} fen`
      : `Due this month: the yearly payment, ${fen} fen`,
    fen,
  );
  const split = splitByGrade(fen, input.gradeCounts, policy.pay.gradePerformanceWeights);
  for (const g of split.grades) {
    ex.step(
      'PAY-5',
      `${g.grade}: ${g.members} member(s) at weight ${g.weight}: ${g.perHeadFen} fen each${g.remainderRank !== null ? ' (largest remainders take one fen more)' : ''}`,
      g.perHeadFen,
    );
  }
  if ((input.ungraded ?? 0) > 0) ex.step('PAY-5', `${input.ungraded} member(s) without a grade of the appraisal year take no share yet`);
  if (split.undistributedFen > 0)
    ex.step('PAY-5', `Nobody may share: ${split.undistributedFen} fen stay undistributed`, split.undistributedFen);
  return ex.decide({ due, perPlaceAnnualFen, poolFen, instalmentFen: fen, split });
}

function describePaid(policy: PolicyVersion): string {
  return policy.pay.performancePaidEvery === 'quarter'
    ? 'paid quarterly: March, June, September, December'
    : `paid yearly in month ${policy.pay.performancePaidInMonth}`;
}
