import type { EntityManager } from 'typeorm';
import type { Explanation, PolicyVersion } from '@cwp/policy';
import { centreQuota, floatingQuota, initialAreaQuota } from './quota-figures';

interface QuotaRow {
  unitCode: string;
  kind: 'area' | 'centre' | 'floating';
  value: number;
  min: number | null;
  max: number | null;
  explanation: Explanation;
}

/**
 * Gives every area, street centre and street floating pool without a quota its first quota
 * (QUOTA-1..4), from one read of the units and one multi-row insert; existing quotas are never
 * touched (they change through the yearly review, QUOTA-5). Idempotent.
 */
export async function seedMissingQuotas(em: EntityManager, policy: PolicyVersion, floatingPercent: number, effectiveFrom: string): Promise<number> {
  const areas = (await em.query(
    `SELECT u.code, u.households FROM org_units u
      WHERE u.kind = 'area' AND NOT EXISTS (SELECT 1 FROM quotas q WHERE q.unit_code = u.code AND q.kind = 'area') ORDER BY u.code`,
  )) as Array<{ code: string; households: number }>;
  const rows: QuotaRow[] = areas.map(({ code, households }) => {
    const d = initialAreaQuota(policy, households);
    return { unitCode: code, kind: 'area', value: d.value.value, min: d.value.min, max: d.value.max, explanation: d.explanation };
  });
  await insertQuotas(em, rows, policy.id, effectiveFrom);

  const centres = (await em.query(
    `SELECT u.code FROM org_units u WHERE u.kind = 'street' AND NOT EXISTS (SELECT 1 FROM quotas q WHERE q.unit_code = u.code AND q.kind = 'centre')`,
  )) as Array<{ code: string }>;
  const centre = centreQuota(policy);
  const centreRows: QuotaRow[] = centres.map(({ code }) => ({ unitCode: code, kind: 'centre', value: centre.value, min: null, max: null, explanation: centre.explanation }));
  await insertQuotas(em, centreRows, policy.id, effectiveFrom);

  // Floating pools after the areas: their size follows the street's area quotas.
  const streets = (await em.query(
    `SELECT s.code, coalesce(sum(q.value), 0)::int AS area_sum, count(q.unit_code)::int AS areas
       FROM org_units s LEFT JOIN quotas q ON q.kind = 'area' AND q.unit_code LIKE s.code || '%'
      WHERE s.kind = 'street' AND NOT EXISTS (SELECT 1 FROM quotas f WHERE f.unit_code = s.code AND f.kind = 'floating')
      GROUP BY s.code`,
  )) as Array<{ code: string; area_sum: number; areas: number }>;
  const floatingRows: QuotaRow[] = streets.map(({ code, area_sum, areas: n }) => {
    const d = floatingQuota(policy.id, area_sum, floatingPercent, n);
    return { unitCode: code, kind: 'floating', value: d.value, min: null, max: null, explanation: d.explanation };
  });
  await insertQuotas(em, floatingRows, policy.id, effectiveFrom);
  return rows.length + centreRows.length + floatingRows.length;
}

async function insertQuotas(em: EntityManager, rows: QuotaRow[], policyVersion: string, effectiveFrom: string): Promise<void> {
  if (rows.length === 0) return;
  await em.query(
    `INSERT INTO quotas (unit_code, kind, value, min, max, explanation, policy_version, effective_from)
     SELECT u.unit_code, u.kind, u.value, u.min, u.max, u.explanation, $6, $7
       FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $8::jsonb[]) AS u(unit_code, kind, value, min, max, explanation)
     ON CONFLICT (unit_code, kind) DO NOTHING`,
    [
      rows.map((r) => r.unitCode),
      rows.map((r) => r.kind),
      rows.map((r) => r.value),
      rows.map((r) => r.min),
      rows.map((r) => r.max),
      policyVersion,
      effectiveFrom,
      rows.map((r) => JSON.stringify(r.explanation)),
    ],
  );
}
