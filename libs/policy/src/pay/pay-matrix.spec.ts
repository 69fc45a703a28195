import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { monthlyBasePay, payMatrix } from './pay-matrix';

const policy = defaultPolicyCatalog().byId('2016-current');

describe('pay matrix', () => {
  it('POST-1 the matrix has three posts of eighteen levels, ascending', () => {
    const m = payMatrix(policy, 0).value;
    expect(Object.keys(m)).toEqual(['head', 'manager', 'staff']);
    for (const levels of Object.values(m)) {
      expect(levels).toHaveLength(18);
      for (let i = 1; i < 18; i++) expect(levels[i]!).toBeGreaterThan(levels[i - 1]!);
    }
    expect(m.staff[0]).toBe(300_000);
    expect(m.staff[17]).toBe(300_000 + 17 * 10_000);
  });

  it('PAY-2 the step between levels widens with years of service (10% per 5 years)', () => {
    expect(monthlyBasePay(policy, { category: 'staff', level: 18, yearsOfService: 4 }).value).toEqual({
      monthlyFen: 470_000,
      stepFen: 10_000,
      serviceBands: 0,
    });
    expect(monthlyBasePay(policy, { category: 'staff', level: 18, yearsOfService: 5 }).value).toEqual({
      monthlyFen: 487_000,
      stepFen: 11_000,
      serviceBands: 1,
    });
    expect(monthlyBasePay(policy, { category: 'staff', level: 18, yearsOfService: 12 }).value.stepFen).toBe(12_000);
    // Level 1 has no step, so service alone does not change it.
    expect(monthlyBasePay(policy, { category: 'head', level: 1, yearsOfService: 30 }).value.monthlyFen).toBe(420_000);
  });

  it('POST-1 rejects a level outside 1..18 naming the field', () => {
    expect(() => monthlyBasePay(policy, { category: 'staff', level: 19, yearsOfService: 0 })).toThrow(
      /^worker\.level: 19 is outside 1\.\.18 \(POST-1\)$/,
    );
    expect(() => monthlyBasePay(policy, { category: 'clerk' as 'staff', level: 1, yearsOfService: 0 })).toThrow(/^worker\.category/);
  });
});
