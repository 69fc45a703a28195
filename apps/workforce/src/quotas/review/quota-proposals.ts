import type { EntityManager } from 'typeorm';
import type { Explanation, PolicyVersion } from '@cwp/policy';
import { centreQuota, floatingQuota, reviewAreaQuota } from '../quota-figures';

export interface ProposalRow {
  unitCode: string;
  kind: 'area' | 'centre' | 'floating';
  currentQuota: number;
  proposedQuota: number;
  proposedMin: number | null;
  proposedMax: number | null;
  households: number | null;
  explanation: Explanation;
}

/** QUOTA-5: the proposals for a chunk of areas (only those whose quota would change). Pure. */
export function proposeForAreas(policy: PolicyVersion, areas: ReadonlyArray<{ code: string; households: number; current: number }>): ProposalRow[] {
  const out: ProposalRow[] = [];
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
export function proposeForCentres(policy: PolicyVersion, centres: ReadonlyArray<{ code: string; current: number }>): ProposalRow[] {
  const target = centreQuota(policy);
  return centres
    .filter((c) => c.current !== target.value)
    .map((c) => ({ unitCode: c.code, kind: 'centre', currentQuota: c.current, proposedQuota: target.value, proposedMin: null, proposedMax: null, households: null, explanation: target.explanation }));
}

/**
 * QUOTA-4: a street's floating quota follows its areas' quotas after the review (the proposed
 * figure where an area has one). Never proposed below what is lent out now. Pure.
 */
export function proposeForFloating(
  policy: PolicyVersion,
  percent: number,
  streets: ReadonlyArray<{ code: string; current: number; lent: number; areaSum: number; areas: number }>,
): ProposalRow[] {
  const out: ProposalRow[] = [];
  for (const street of streets) {
    const d = floatingQuota(policy.id, street.areaSum, percent, street.areas);
    if (d.value === street.current || d.value < street.lent) continue;
    out.push({ unitCode: street.code, kind: 'floating', currentQuota: street.current, proposedQuota: d.value, proposedMin: null, proposedMax: null, households: null, explanation: d.explanation });
  }
  return out;
}

/** One multi-row insert per chunk; a retried chunk inserts nothing twice. */
export async function insertProposals(em: EntityManager, year: number, districtCode: string, policyVersion: string, rows: ProposalRow[]): Promise<void> {
  if (rows.length === 0) return;
  await em.query(
    `INSERT INTO quota_proposals (year, district_code, policy_version, status, unit_code, kind, current_quota, proposed_quota, proposed_min, proposed_max, households, explanation)
     SELECT $1, $2, $3, 'proposed', p.* FROM unnest($4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::jsonb[])
       AS p(unit_code, kind, current_quota, proposed_quota, proposed_min, proposed_max, households, explanation)
     ON CONFLICT (year, unit_code, kind) DO NOTHING`,
    [
      year,
      districtCode,
      policyVersion,
      rows.map((r) => r.unitCode),
      rows.map((r) => r.kind),
      rows.map((r) => r.currentQuota),
      rows.map((r) => r.proposedQuota),
      rows.map((r) => r.proposedMin),
      rows.map((r) => r.proposedMax),
      rows.map((r) => r.households),
      rows.map((r) => JSON.stringify(r.explanation)),
    ],
  );
}
