import fc from 'fast-check';
import { parsePolicyVersion } from '../parameters/parse-policy-version';
import { GRADES, type Grade } from '../parameters/policy-version';
import { SHIPPED_POLICY_VERSIONS, defaultPolicyCatalog } from '../parameters/shipped-versions';
import { performancePool } from './performance-pool';
import { memberShares } from './pool-by-grade';
import { performanceInstalmentDue, poolInstalment } from './pool-instalment';

const current = defaultPolicyCatalog().byId('2016-current');
const proposal = defaultPolicyCatalog().byId('2027-proposal');
const wage2026 = { year: 2026, annualFen: 14_400_000 };

describe('poolInstalment (PAY-5, PAY-6)', () => {
  it('PAY-5 quarterly pay falls due in the quarter’s last month; yearly in December unless the version names a month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => performanceInstalmentDue(proposal, m)?.index ?? null)).toEqual([
      null,
      null,
      0,
      null,
      null,
      1,
      null,
      null,
      2,
      null,
      null,
      3,
    ]);
    expect(performanceInstalmentDue(current, 12)).toEqual({ index: 0, count: 1 });
    expect(performanceInstalmentDue(current, 6)).toBeNull();
    const raw = structuredClone(SHIPPED_POLICY_VERSIONS[0]) as Record<string, any>;
    raw.pay.performancePaidInMonth = 6;
    const june = parsePolicyVersion(raw);
    expect(performanceInstalmentDue(june, 6)).toEqual({ index: 0, count: 1 });
    expect(performanceInstalmentDue(june, 12)).toBeNull();
  });

  it('PAY-5 a month with nothing due has no instalment, and says so', () => {
    const d = poolInstalment(proposal, { payYear: 2027, month: 2, quota: 5, referenceWage: wage2026, gradeCounts: { qualified: 5 } });
    expect(d.value).toBeNull();
    expect(d.explanation.steps[0]!.say).toContain('No performance pay falls due in month 2');
  });

  it('PAY-6 a quarter’s instalment is the same for any headcount; only the per-head share moves', () => {
    const five = poolInstalment(proposal, {
      payYear: 2027,
      month: 3,
      quota: 5,
      referenceWage: wage2026,
      gradeCounts: { qualified: 5 },
    }).value!;
    const four = poolInstalment(proposal, {
      payYear: 2027,
      month: 3,
      quota: 5,
      referenceWage: wage2026,
      gradeCounts: { qualified: 4 },
    }).value!;
    expect(four.instalmentFen).toBe(five.instalmentFen);
    expect(four.split.grades[0]!.perHeadFen).toBeGreaterThan(five.split.grades[0]!.perHeadFen);
    expect(five.poolFen).toBe(5 * five.perPlaceAnnualFen);
  });

  it('PAY-5 unqualified takes none; with nobody else the instalment stays undistributed', () => {
    const d = poolInstalment(proposal, { payYear: 2027, month: 6, quota: 3, referenceWage: wage2026, gradeCounts: { unqualified: 2 } });
    expect(d.value!.split).toMatchObject({ undistributedFen: d.value!.instalmentFen, extraFen: 0 });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['PAY-5', 'PAY-6']));
  });

  it('PAY-5/PAY-6 property: the pay run’s instalment, expanded in member order, is performancePool’s instalment of every member', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.constantFrom(...GRADES), { maxLength: 50 }),
        fc.constantFrom(3, 6, 9, 12),
        (quota, grades, month) => {
          const members = grades.map((grade, i) => ({ id: `w${String(i).padStart(3, '0')}`, grade }));
          const counts: Partial<Record<Grade, number>> = {};
          for (const g of grades) counts[g] = (counts[g] ?? 0) + 1;
          const pool = performancePool(proposal, { payYear: 2027, quota, referenceWage: wage2026, members }).value;
          const due = poolInstalment(proposal, { payYear: 2027, month, quota, referenceWage: wage2026, gradeCounts: counts }).value!;
          expect(due.instalmentFen).toBe(pool.instalmentsFen[month / 3 - 1]);
          expect(memberShares(due.split, grades)).toEqual(pool.shares.map((s) => s.instalmentsFen[month / 3 - 1]));
          expect(pool.instalmentsFen.reduce((a, b) => a + b, 0)).toBe(pool.poolFen);
        },
      ),
    );
  });
});
