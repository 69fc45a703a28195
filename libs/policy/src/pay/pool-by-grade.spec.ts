import fc from 'fast-check';
import { GRADES, type Grade } from '../parameters/policy-version';
import { memberShares, splitByGrade } from './pool-by-grade';

const weights: Record<Grade, number> = { excellent: 1.2, qualified: 1, 'basically-qualified': 0.8, unqualified: 0 };

describe('splitByGrade / memberShares (PAY-5)', () => {
  it('PAY-5 a grade is four figures: floor per head, remainder rank, and the fen left to hand out', () => {
    // 1000 fen over 1.2 + 1 + 1 + 0.8 = 4 weight: 300, 250, 250, 200 exactly; unqualified none.
    const split = splitByGrade(1000, { excellent: 1, qualified: 2, 'basically-qualified': 1, unqualified: 3 }, weights);
    expect(split.extraFen).toBe(0);
    expect(split.grades.map((g) => [g.grade, g.perHeadFen, g.remainderRank])).toEqual([
      ['excellent', 300, null],
      ['qualified', 250, null],
      ['basically-qualified', 200, null],
      ['unqualified', 0, null],
    ]);
    expect(memberShares(split, ['unqualified', 'qualified', 'excellent', 'qualified', 'basically-qualified'])).toEqual([
      0, 250, 300, 250, 200,
    ]);
  });

  it('PAY-5 the fen left go one each to the largest remainders, ties to the earlier member', () => {
    // 10 fen over three qualified: 3.33 each, one fen left for the first member.
    const split = splitByGrade(10, { qualified: 3 }, weights);
    expect(split).toMatchObject({ extraFen: 1, undistributedFen: 0 });
    expect(memberShares(split, ['qualified', 'qualified', 'qualified'])).toEqual([4, 3, 3]);
  });

  it('PAY-5 nothing is shared when nobody has a weight', () => {
    const split = splitByGrade(999, { unqualified: 2 }, weights);
    expect(split).toMatchObject({ extraFen: 0, undistributedFen: 999 });
    expect(memberShares(split, ['unqualified', 'unqualified'])).toEqual([0, 0]);
  });

  it('PAY-5 property: parts sum exactly to the total, each within one fen of its exact share, a better grade never gets less', () => {
    const integerWeights = fc
      .tuple(
        fc.integer({ min: 3, max: 10 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 7 }),
      )
      .filter(([e, q, b, u]) => e > q && q > b && b >= u)
      .map(([e, q, b, u]) => ({ excellent: e, qualified: q, 'basically-qualified': b, unqualified: u }) as Record<Grade, number>);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.array(fc.constantFrom(...GRADES), { maxLength: 60 }),
        integerWeights,
        (total, grades, w) => {
          const counts: Partial<Record<Grade, number>> = {};
          for (const g of grades) counts[g] = (counts[g] ?? 0) + 1;
          const parts = memberShares(splitByGrade(total, counts, w), grades);
          const weightSum = grades.reduce((s, g) => s + w[g], 0);
          if (weightSum === 0) {
            expect(parts.every((p) => p === 0)).toBe(true);
            return;
          }
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          grades.forEach((g, i) => expect(Math.abs(parts[i]! - (total * w[g]) / weightSum)).toBeLessThan(1));
          // Exact arithmetic: unlike a float quotient, a remainder never rounds a part above its grade's.
          grades.forEach((g, i) => grades.forEach((h, j) => w[g] > w[h] && expect(parts[i]).toBeGreaterThanOrEqual(parts[j]!)));
        },
      ),
    );
  });
});
