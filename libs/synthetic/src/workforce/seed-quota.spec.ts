import { CENTRE_SLOTS, seedAreaQuota, STREET_CENTRES, STREET_CENTRES_QUOTA } from './seed-quota';

describe('seed quotas', () => {
  it('QUOTA-1 keeps areas of up to 2,000 households within 7..11', () => {
    for (const households of [100, 999, 1000, 1499, 1500, 1999, 2000]) {
      expect(seedAreaQuota(households)).toBeGreaterThanOrEqual(7);
      expect(seedAreaQuota(households)).toBeLessThanOrEqual(11);
    }
    expect(seedAreaQuota(300)).toBe(7);
  });

  it('QUOTA-2 adds one worker per 350 households above 2,000', () => {
    expect(seedAreaQuota(2000)).toBe(10);
    expect(seedAreaQuota(2349)).toBe(10);
    expect(seedAreaQuota(2350)).toBe(11);
    expect(seedAreaQuota(2000 + 350 * 4)).toBe(14);
  });

  it('QUOTA-3 spreads the 80 centre posts over the six centres, each head early', () => {
    expect(CENTRE_SLOTS).toHaveLength(STREET_CENTRES_QUOTA);
    const total = Object.values(STREET_CENTRES).reduce((sum, quota) => sum + quota, 0);
    expect(total).toBe(80);
    for (const [centre, quota] of Object.entries(STREET_CENTRES)) {
      expect(CENTRE_SLOTS.filter((slot) => slot.centre === centre)).toHaveLength(quota);
      const headAt = CENTRE_SLOTS.findIndex((slot) => slot.centre === centre && slot.indexInCentre === 0);
      expect(headAt).toBeLessThan(16);
    }
  });
});
