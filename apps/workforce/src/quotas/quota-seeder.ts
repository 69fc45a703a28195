import type { EntityManager } from 'typeorm';
import type { PolicyVersion } from '@cwp/policy';
import { centreQuota, floatingQuota, initialAreaQuota } from './quota-figures';
import type { QuotaRepository } from './quota.repository';
import type { NewQuota } from './quota.row';

/**
 * Gives every area, street centre and street floating pool without a quota its first quota
 * (QUOTA-1..4), from one read of the units and one multi-row insert per kind; existing quotas are
 * never touched (they change through the yearly review, QUOTA-5). Idempotent.
 */
export async function seedMissingQuotas(
  quotas: QuotaRepository,
  em: EntityManager,
  policy: PolicyVersion,
  floatingPercent: number,
  effectiveFrom: string,
): Promise<number> {
  const areaRows: NewQuota[] = (await quotas.areasWithoutQuota(em)).map(({ code, households }) => {
    const d = initialAreaQuota(policy, households);
    return { unitCode: code, kind: 'area', value: d.value.value, min: d.value.min, max: d.value.max, explanation: d.explanation };
  });
  await quotas.insertMissing(em, areaRows, policy.id, effectiveFrom);

  const centre = centreQuota(policy);
  const centreRows: NewQuota[] = (await quotas.streetsWithoutCentreQuota(em)).map((code) => ({
    unitCode: code,
    kind: 'centre',
    value: centre.value,
    min: null,
    max: null,
    explanation: centre.explanation,
  }));
  await quotas.insertMissing(em, centreRows, policy.id, effectiveFrom);

  // Floating pools after the areas: their size follows the street's area quotas.
  const floatingRows: NewQuota[] = (await quotas.streetsWithoutFloatingPool(em)).map(({ code, area_sum, areas }) => {
    const d = floatingQuota(policy.id, area_sum, floatingPercent, areas);
    return { unitCode: code, kind: 'floating', value: d.value, min: null, max: null, explanation: d.explanation };
  });
  await quotas.insertMissing(em, floatingRows, policy.id, effectiveFrom);
  return areaRows.length + centreRows.length + floatingRows.length;
}
