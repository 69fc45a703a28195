import { Injectable } from '@nestjs/common';
import { Jurisdiction, type Principal } from '@cwp/platform';
import { ExplanationBuilder } from '@cwp/policy';
import { OrgUnitRepository } from '../org';
import { toStoredQuota, type UnitQuotaResponse } from './quota.dto';
import { QuotaRepository } from './quota.repository';

/** Reads quotas (QUOTA-1..4) of any unit in scope: its own rows and its subtree's totals. */
@Injectable()
export class QuotasService {
  constructor(
    private readonly quotas: QuotaRepository,
    private readonly units: OrgUnitRepository,
    private readonly jurisdiction: Jurisdiction,
  ) {}

  async forUnit(code: string, principal: Principal): Promise<UnitQuotaResponse> {
    await this.jurisdiction.assertWithin(principal, code, { entity: 'quota', entityId: code });
    const [kind, sums, own] = await Promise.all([this.units.kindOf(code), this.quotas.sumsWithin(code), this.quotas.ofUnit(code)]);
    const of = (k: string) => sums.find((s) => s.kind === k) ?? { units: 0, value: 0, borrowed: 0, lent: 0 };
    const areas = { units: of('area').units, quota: of('area').value, borrowed: of('area').borrowed };
    const centres = { units: of('centre').units, quota: of('centre').value };
    const floating = { held: of('floating').value, lent: of('floating').lent, available: of('floating').value - of('floating').lent };
    const quota = areas.quota + areas.borrowed + centres.quota;
    const explanation = new ExplanationBuilder({ unitCode: code, areas: areas.units, streets: centres.units })
      .step(
        'QUOTA-1',
        `${areas.units} residential area(s) with quotas totalling ${areas.quota} (QUOTA-1/2 per area, reviewed yearly: QUOTA-5)`,
        areas.quota,
      )
      .step(
        'QUOTA-4',
        `Floating places borrowed by those areas: ${areas.borrowed}; floating quota held by the streets: ${floating.held}, lent ${floating.lent}`,
        areas.borrowed,
      )
      .step('QUOTA-3', `Street centres: ${centres.units} street(s) × their shared quota, totalling ${centres.quota}`, centres.quota)
      .step('QUOTA-6', `Quota ${areas.quota} + ${areas.borrowed} + ${centres.quota} = ${quota}`, quota)
      .build();
    return {
      unitCode: code,
      kind: kind ?? 'unknown',
      quota,
      breakdown: { areas, centres, floating },
      explanation,
      stored: own.map(toStoredQuota),
    };
  }
}
