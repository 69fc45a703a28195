import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { requireNumber } from '../explain/require-input';
import type { PolicyVersion } from '../parameters/policy-version';

/** QUOTA-3: the six centres of a street (受理中心、文化中心、网格中心、党建中心、综治中心、社工事务所). */
export const STREET_CENTRES = [
  'affairs-acceptance',
  'culture',
  'grid-management',
  'party-building',
  'comprehensive-governance',
  'worker-affairs-office',
] as const;
export type StreetCentre = (typeof STREET_CENTRES)[number];

export interface StreetCentreQuota {
  readonly quota: number;
  readonly headcount: number;
  readonly vacancies: number;
  /** Workers above the quota (the street must correct it or borrow floating places, QUOTA-4). */
  readonly overQuota: number;
}

/** QUOTA-3: the centres together share one quota (80); the split between centres is the street's. */
export function streetCentreQuota(
  policy: PolicyVersion,
  headcountByCentre: Partial<Record<StreetCentre, number>> = {},
): Decision<StreetCentreQuota> {
  let headcount = 0;
  for (const [centre, n] of Object.entries(headcountByCentre)) {
    headcount += requireNumber(`headcountByCentre.${centre}`, n, { min: 0, max: 10_000, integer: true }, 'QUOTA-3');
  }
  const quota = policy.quota.streetCentres;
  const value = { quota, headcount, vacancies: Math.max(0, quota - headcount), overQuota: Math.max(0, headcount - quota) };
  return new ExplanationBuilder({ headcountByCentre }, policy.id)
    .step('QUOTA-3', `The six centres share a quota of ${quota}; ${headcount} in post`, value)
    .decide(value);
}
