import { defaultPolicyCatalog } from '@cwp/policy';
import { centreQuota, floatingQuota, initialAreaQuota, reviewAreaQuota } from './quota-figures';

const policy = defaultPolicyCatalog().inForce('2026-07-01');
const rules = (e: { rules: readonly { id: string }[] }) => e.rules.map((r) => r.id);

describe('quota figures', () => {
  it('QUOTA-1: a small area gets a quota between 7 and 11, growing with households', () => {
    const small = initialAreaQuota(policy, 100);
    const mid = initialAreaQuota(policy, 1500);
    expect(small.value).toMatchObject({ min: 7, max: 11 });
    expect(small.value.value).toBeGreaterThanOrEqual(7);
    expect(mid.value.value).toBeGreaterThan(small.value.value);
    expect(mid.value.value).toBeLessThanOrEqual(11);
    expect(rules(small.explanation)).toEqual(expect.arrayContaining(['QUOTA-1', 'QUOTA-2', 'QUOTA-5']));
    expect(small.explanation.policyVersion).toBe(policy.id);
    expect(small.explanation.inputs).toEqual({ households: 100 });
  });

  it('QUOTA-2 adds one worker per complete 300–400 households above 2000', () => {
    const d = initialAreaQuota(policy, 2000 + 800);
    // 800 further households: +2 at one per 400 (min), +2 at one per 300 (max).
    expect(d.value).toMatchObject({ min: 9, max: 13 });
    expect(d.value.value).toBeGreaterThanOrEqual(9);
    expect(d.value.value).toBeLessThanOrEqual(13);
    expect(initialAreaQuota(policy, 2299).value.min).toBe(7);
  });

  it('QUOTA-5: the yearly review moves a quota by at most the small-adjustment step', () => {
    // 2600 households: range 8..13, size target 12; from 8 the review moves one step.
    const grown = reviewAreaQuota(policy, 8, 2600);
    expect(grown.value.change).toBe(policy.quota.reviewMaxChange);
    expect(grown.value.value).toBe(8 + policy.quota.reviewMaxChange);
    const same = reviewAreaQuota(policy, initialAreaQuota(policy, 1200).value.value, 1200);
    expect(same.value.change).toBe(0);
    expect(rules(grown.explanation)).toContain('QUOTA-5');
  });

  it('QUOTA-1: a quota outside the range is first brought back into it', () => {
    // 3500 households: range 10..16; 9 is brought to 10, then moves one step towards the target.
    expect(reviewAreaQuota(policy, 9, 3500).value).toMatchObject({ value: 11, min: 10 });
  });

  it('QUOTA-3: the six centres share the quota parameter (80)', () => {
    expect(centreQuota(policy).value).toBe(80);
    expect(rules(centreQuota(policy).explanation)).toEqual(['QUOTA-3']);
  });

  it('QUOTA-4: the floating quota is the percentage of the area quotas, rounded up', () => {
    const d = floatingQuota(policy.id, 201, 5, 22);
    expect(d.value).toBe(11);
    expect(rules(d.explanation)).toEqual(['QUOTA-4']);
    expect(d.explanation.inputs).toEqual({ areaQuotaSum: 201, areas: 22, floatingQuotaPercent: 5 });
    expect(floatingQuota(policy.id, 200, 0, 22).value).toBe(0);
  });
});
