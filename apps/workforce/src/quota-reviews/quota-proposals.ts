import type { PolicyVersion } from '@cwp/policy';
import { centreQuota, floatingQuota, reviewAreaQuota } from '../quotas';
import type { NewProposal } from './quota-review.row';

/** QUOTA-5: the proposals for a chunk of areas (only those whose quota would change). Pure. */
export function proposeForAreas(
  policy: PolicyVersion,
  areas: ReadonlyArray<{ code: string; households: number; current: number }>,
): NewProposal[] {
  const out: NewProposal[] = [];
  for (const area of areas) {
    const d = reviewAreaQuota(policy, area.current, area.households);
    if (d.value.change === 0) continue;
    out.push({
      unitCode: area.code,
      kind: 'area',
      currentQuota: area.current,
      proposedQuota: d.value.value,
      proposedMin: d.value.min,
      proposedMax: d.value.max,
      households: area.households,
      explanation: d.explanation,
    });
  }
  return out;
}

/** QUOTA-3: street centres whose quota differs from the parameter in force. Pure. */
export function proposeForCentres(policy: PolicyVersion, centres: ReadonlyArray<{ code: string; current: number }>): NewProposal[] {
  const target = centreQuota(policy);
  return centres
    .filter((c) => c.current !== target.value)
    .map((c) => ({
      unitCode: c.code,
      kind: 'centre',
      currentQuota: c.current,
      proposedQuota: target.value,
      proposedMin: null,
      proposedMax: null,
      households: null,
      explanation: target.explanation,
    }));
}

/**
 * QUOTA-4: a street's floating quota follows its areas' quotas after the review (the proposed
 * figure where an area has one). Never proposed below what is lent out now. Pure.
 */
export function proposeForFloating(
  policy: PolicyVersion,
  percent: number,
  streets: ReadonlyArray<{ code: string; current: number; lent: number; areaSum: number; areas: number }>,
): NewProposal[] {
  const out: NewProposal[] = [];
  for (const street of streets) {
    const d = floatingQuota(policy.id, street.areaSum, percent, street.areas);
    if (d.value === street.current || d.value < street.lent) continue;
    out.push({
      unitCode: street.code,
      kind: 'floating',
      currentQuota: street.current,
      proposedQuota: d.value,
      proposedMin: null,
      proposedMax: null,
      households: null,
      explanation: d.explanation,
    });
  }
  return out;
}
