/**
 * The staffing quotas the generator spreads workers by. This is the seed data's own approximation,
 * not the authoritative quota (that is computed from the policy parameters in @cwp/policy): it
 * only has to put a plausible number of workers in each unit.
 */

/** QUOTA-1: 7..11 per residential area, chosen here by size. */
export const AREA_QUOTA_MIN = 7;
/** QUOTA-2: areas above this many households may add workers… */
export const EXTRA_ABOVE_HOUSEHOLDS = 2000;
/** …one per further `step` households (the policy range is 300..400; the generator uses 350). */
export const EXTRA_STEP_HOUSEHOLDS = 350;

/** QUOTA-3: a street's six centres share 80 posts; the split between them is the generator's guess. */
export const STREET_CENTRES = {
  'affairs-acceptance': 20, // 社区事务受理服务中心 (names as in @cwp/policy STREET_CENTRES)
  'grid-management': 18, // 城市网格化综合管理中心
  'comprehensive-governance': 12, // 社区综治中心
  culture: 10, // 社区文化活动中心
  'party-building': 10, // 社区党建服务中心
  'worker-affairs-office': 10, // 社工事务所
} as const;
export type StreetCentre = keyof typeof STREET_CENTRES;
export const STREET_CENTRES_QUOTA = 80;

/** QUOTA-1 and QUOTA-2: 7 (small) to 10 (2,000 households) plus one per 350 households above 2,000. */
export function seedAreaQuota(households: number): number {
  const base = households < 1000 ? AREA_QUOTA_MIN : households < 1500 ? 8 : households < EXTRA_ABOVE_HOUSEHOLDS ? 9 : 10;
  const extra = households > EXTRA_ABOVE_HOUSEHOLDS ? Math.floor((households - EXTRA_ABOVE_HOUSEHOLDS) / EXTRA_STEP_HOUSEHOLDS) : 0;
  return base + extra;
}

/**
 * The 80 centre posts in an order that spreads every prefix across the six centres (stride
 * scheduling): a partly staffed street has some people in every centre, and each centre's first
 * post (its head) comes early.
 */
export const CENTRE_SLOTS: readonly { centre: StreetCentre; indexInCentre: number }[] = (() => {
  const centres = Object.entries(STREET_CENTRES) as [StreetCentre, number][];
  const taken = new Map<StreetCentre, number>(centres.map(([c]) => [c, 0]));
  const slots: { centre: StreetCentre; indexInCentre: number }[] = [];
  for (let i = 0; i < STREET_CENTRES_QUOTA; i++) {
    let best = centres[0][0];
    let bestDeficit = -Infinity;
    for (const [centre, quota] of centres) {
      const deficit = (quota * (i + 1)) / STREET_CENTRES_QUOTA - (taken.get(centre) ?? 0);
      if (deficit > bestDeficit) [best, bestDeficit] = [centre, deficit];
    }
    slots.push({ centre: best, indexInCentre: taken.get(best) ?? 0 });
    taken.set(best, (taken.get(best) ?? 0) + 1);
  }
  return slots;
})();
