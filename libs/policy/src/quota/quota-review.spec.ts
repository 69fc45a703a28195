import fc from 'fast-check';
import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { proposeQuotaAdjustment } from './quota-review';

const policy = defaultPolicyCatalog().byId('2016-current');

describe('proposeQuotaAdjustment', () => {
  it('QUOTA-5 moves a quota of 7 for 2,000 households towards 11 by one a year', () => {
    expect(proposeQuotaAdjustment(policy, { currentQuota: 7, households: 2000 }).value).toMatchObject({
      target: 11,
      proposedQuota: 8,
      change: 1,
    });
  });

  it('QUOTA-5 keeps a quota that already meets the target', () => {
    expect(proposeQuotaAdjustment(policy, { currentQuota: 9, households: 1000 }).value).toMatchObject({
      target: 9,
      proposedQuota: 9,
      change: 0,
    });
  });

  it("QUOTA-5 applies the street's structure judgement inside the range", () => {
    const d = proposeQuotaAdjustment(policy, {
      currentQuota: 9,
      households: 1000,
      structureAdjustment: 1,
      structureReason: 'elderly share 35%',
    });
    expect(d.value).toMatchObject({ target: 10, proposedQuota: 10 });
    expect(d.explanation.steps.some((s) => s.say.includes('elderly share 35%'))).toBe(true);
  });

  it('QUOTA-2/QUOTA-5 above 2,000 households targets the mid step of 350', () => {
    // 2,750 households: 750 further / 350 = 2 extra → 13, range 8..13.
    expect(proposeQuotaAdjustment(policy, { currentQuota: 11, households: 2750 }).value).toMatchObject({ target: 13, proposedQuota: 12 });
  });

  it('QUOTA-1 a quota below the range is brought into it first', () => {
    expect(proposeQuotaAdjustment(policy, { currentQuota: 4, households: 500 }).value).toMatchObject({ proposedQuota: 8, change: 4 });
  });

  it('QUOTA-1/QUOTA-5 property: the proposal stays within the range, never below 7', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.constantFrom(-1, 0, 1),
        (currentQuota, households, adj) => {
          const v = proposeQuotaAdjustment(policy, { currentQuota, households, structureAdjustment: adj as -1 | 0 | 1 }).value;
          expect(v.proposedQuota).toBeGreaterThanOrEqual(Math.max(7, v.range.min));
          expect(v.proposedQuota).toBeLessThanOrEqual(v.range.max);
        },
      ),
    );
  });
});
