import { GRADES, type Grade } from '../parameters/policy-version';
import { toPpm } from './band-total';

/** One grade's part of a payment shared by grade weight (PAY-5). */
export interface GradeShare {
  readonly grade: Grade;
  readonly members: number;
  readonly weight: number;
  /** What every member of the grade gets at least: ⌊total × weight / Σ members × weight⌋ fen. */
  readonly perHeadFen: number;
  /**
   * Order of the grade's remainder among the grades (1 = largest; equal remainders share a rank);
   * null when the grade has no remainder and so never takes an extra fen.
   */
  readonly remainderRank: number | null;
}

/** A payment shared by grade: the grades' floors, and the fen left to hand out one by one. */
export interface GradeSplit {
  readonly totalFen: number;
  readonly grades: readonly GradeShare[];
  /** One more fen each for the first `extraFen` members ordered by (remainderRank, member order). */
  readonly extraFen: number;
  /** Nothing is shared when no member has a positive weight (e.g. everybody unqualified). */
  readonly undistributedFen: number;
}

/**
 * PAY-5: splits a payment among members by the weight of their grade with largest remainders,
 * computed per grade (members of one grade have the same exact share and remainder): so a unit of
 * any size is four figures, and SQL can expand them to members with one window function
 * (`row_number() OVER (ORDER BY remainder rank, member order) <= extraFen`). Weights are taken to
 * six decimals and the arithmetic is exact (BigInt): the extra fen are fewer than the members with
 * a remainder, and the parts sum to the total exactly.
 */
export function splitByGrade(
  totalFen: number,
  counts: Readonly<Partial<Record<Grade, number>>>,
  weights: Readonly<Record<Grade, number>>,
): GradeSplit {
  const total = BigInt(totalFen);
  const present = GRADES.filter((g) => (counts[g] ?? 0) > 0);
  const weightSum = present.reduce((sum, g) => sum + BigInt(counts[g]!) * toPpm(weights[g]), 0n);
  if (weightSum === 0n) {
    const grades = present.map((g) => ({ grade: g, members: counts[g]!, weight: weights[g], perHeadFen: 0, remainderRank: null }));
    return { totalFen, grades, extraFen: 0, undistributedFen: totalFen };
  }
  const exact = present.map((g) => {
    const numerator = total * toPpm(weights[g]);
    return { grade: g, floor: numerator / weightSum, remainder: numerator % weightSum };
  });
  const allotted = exact.reduce((sum, e) => sum + BigInt(counts[e.grade]!) * e.floor, 0n);
  const distinct = [...new Set(exact.filter((e) => e.remainder > 0n).map((e) => e.remainder))].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const grades = exact.map((e) => ({
    grade: e.grade,
    members: counts[e.grade]!,
    weight: weights[e.grade],
    perHeadFen: Number(e.floor),
    remainderRank: e.remainder > 0n ? distinct.indexOf(e.remainder) + 1 : null,
  }));
  return { totalFen, grades, extraFen: Number(total - allotted), undistributedFen: 0 };
}

/**
 * The split applied to members in their order (the order the caller fixes, e.g. by worker id):
 * the grade's floor, plus one fen for the first `extraFen` members by (remainder rank, order).
 * What the pay run's SQL does with `row_number()`; members of a grade the split does not know get 0.
 */
export function memberShares(split: GradeSplit, grades: readonly Grade[]): number[] {
  const byGrade = new Map(split.grades.map((g) => [g.grade, g]));
  const parts = grades.map((g) => byGrade.get(g)?.perHeadFen ?? 0);
  const order = grades
    .map((g, i) => ({ i, rank: byGrade.get(g)?.remainderRank ?? null }))
    .filter((m): m is { i: number; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  for (let k = 0; k < split.extraFen; k++) parts[order[k]!.i]! += 1;
  return parts;
}
