import fc from 'fast-check';
import { RULES } from '../explain/rules';
import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { areaQuotaRange } from './area-quota-range';

const policy = defaultPolicyCatalog().byId('2016-current');

describe('areaQuotaRange', () => {
  it('QUOTA-1 an area of up to 2,000 households has 7 to 11 workers', () => {
    expect(areaQuotaRange(policy, 800).value).toMatchObject({ min: 7, max: 11 });
  });

  it('QUOTA-2 2,000 households add no extra worker', () => {
    const d = areaQuotaRange(policy, 2000);
    expect(d.value).toEqual({ min: 7, max: 11, extraAtLargestStep: 0, extraAtSmallestStep: 0 });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['QUOTA-1', 'QUOTA-2']);
  });

  it('QUOTA-2 2,750 households add 1 at a 400 step and 2 at a 300 step', () => {
    expect(areaQuotaRange(policy, 2750).value).toEqual({ min: 8, max: 13, extraAtLargestStep: 1, extraAtSmallestStep: 2 });
  });

  it('QUOTA-2 counts complete steps only: 2,299 households add none, 2,300 add one at a 300 step', () => {
    expect(areaQuotaRange(policy, 2299).value.max).toBe(11);
    expect(areaQuotaRange(policy, 2300).value).toMatchObject({ min: 7, max: 12 });
    expect(areaQuotaRange(policy, 2400).value).toMatchObject({ min: 8, max: 12 });
  });

  it('QUOTA-2 rejects negative or fractional households, naming the field', () => {
    expect(() => areaQuotaRange(policy, -1)).toThrow(/^households: .*\(QUOTA-2\)$/);
    expect(() => areaQuotaRange(policy, 10.5)).toThrow(/households/);
  });

  it('QUOTA-1/QUOTA-2 property: the range never starts below 7 and min <= max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (households) => {
        const { value, explanation } = areaQuotaRange(policy, households);
        expect(value.min).toBeGreaterThanOrEqual(7);
        expect(value.min).toBeLessThanOrEqual(value.max);
        expect(explanation.rules.every((r) => r.id in RULES)).toBe(true);
      }),
    );
  });
});
