import fc from 'fast-check';
import { parsePolicyVersion } from '../parameters/parse-policy-version';
import { GRADES } from '../parameters/policy-version';
import { SHIPPED_POLICY_VERSIONS, defaultPolicyCatalog } from '../parameters/shipped-versions';
import { performancePool, type PoolMember } from './performance-pool';

const current = defaultPolicyCatalog().byId('2016-current');
const proposal = defaultPolicyCatalog().byId('2027-proposal');
const wage2013 = { year: 2013, annualFen: 6_043_500 };
const members: PoolMember[] = [
  { id: 'a', grade: 'excellent' },
  { id: 'b', grade: 'qualified' },
  { id: 'c', grade: 'basically-qualified' },
  { id: 'd', grade: 'unqualified' },
];

describe('performancePool', () => {
  it('PAY-5/PAY-6 pool = quota × (1.05 × 2013 wage × 20%) and shared excellent > qualified > basically qualified; unqualified none', () => {
    const d = performancePool(current, { payYear: 2016, quota: 9, referenceWage: wage2013, members });
    expect(d.value.perPlaceAnnualFen).toBe(Math.round(6_043_500 * 1.05 * 0.2));
    expect(d.value.poolFen).toBe(9 * d.value.perPlaceAnnualFen);
    const [a, b, c, u] = d.value.shares.map((s) => s.annualFen);
    expect(a!).toBeGreaterThan(b!);
    expect(b!).toBeGreaterThan(c!);
    expect(u).toBe(0);
    expect(a! + b! + c!).toBe(d.value.poolFen);
    expect(d.value.shares[0]!.instalmentsFen).toEqual([a]);
  });

  it('PAY-6 when headcount falls, the total stays and each share rises', () => {
    const four = performancePool(current, {
      payYear: 2016,
      quota: 9,
      referenceWage: wage2013,
      members,
      perPlaceAnnualFen: 1_000_000,
    }).value;
    const two = performancePool(current, {
      payYear: 2016,
      quota: 9,
      referenceWage: wage2013,
      members: members.slice(0, 2),
      perPlaceAnnualFen: 1_000_000,
    }).value;
    expect(two.poolFen).toBe(four.poolFen);
    expect(two.shares[0]!.annualFen).toBeGreaterThan(four.shares[0]!.annualFen);
  });

  it('PAY-5 the proposal pays quarterly: four instalments summing to the share', () => {
    const d = performancePool(proposal, { payYear: 2029, quota: 7, referenceWage: { year: 2028, annualFen: 15_000_001 }, members });
    const s = d.value.shares[0]!;
    expect(s.instalmentsFen).toHaveLength(4);
    expect(s.instalmentsFen.reduce((x, y) => x + y, 0)).toBe(s.annualFen);
    expect(d.value.paidEvery).toBe('quarter');
  });

  it('PAY-5 nobody shares when everyone is unqualified, unless a parameter gives them a weight', () => {
    const none = performancePool(current, {
      payYear: 2016,
      quota: 7,
      referenceWage: wage2013,
      members: [{ id: 'x', grade: 'unqualified' }],
    }).value;
    expect(none.distributedFen).toBe(0);
    expect(none.undistributedFen).toBe(none.poolFen);
    const raw = structuredClone(SHIPPED_POLICY_VERSIONS[0]) as Record<string, any>;
    raw.pay.gradePerformanceWeights.unqualified = 0.2;
    const some = performancePool(parsePolicyVersion(raw), {
      payYear: 2016,
      quota: 7,
      referenceWage: wage2013,
      members: [{ id: 'x', grade: 'unqualified' }],
    }).value;
    expect(some.distributedFen).toBe(some.poolFen);
  });

  it('PAY-6 property: the pool total is the same for any headcount and shares sum to it exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.constantFrom(...GRADES), { maxLength: 80 }), (quota, grades) => {
        const ms = grades.map((grade, i) => ({ id: String(i), grade }));
        const base = performancePool(proposal, {
          payYear: 2028,
          quota,
          referenceWage: { year: 2027, annualFen: 14_500_000 },
          members: [],
        }).value;
        const v = performancePool(proposal, {
          payYear: 2028,
          quota,
          referenceWage: { year: 2027, annualFen: 14_500_000 },
          members: ms,
        }).value;
        expect(v.poolFen).toBe(base.poolFen);
        expect(v.distributedFen + v.undistributedFen).toBe(v.poolFen);
        expect(v.shares.reduce((a, s) => a + s.annualFen, 0)).toBe(v.distributedFen);
        if (grades.some((g) => g !== 'unqualified')) expect(v.undistributedFen).toBe(0);
      }),
    );
  });
});
