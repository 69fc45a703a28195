import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Jurisdiction, likePrefixPattern, type Principal } from '@cwp/platform';
import { ExplanationBuilder } from '@cwp/policy';
import { toStoredQuota, type QuotaRow, type UnitQuotaResponse } from './quota.dto';

/** Reads quotas (QUOTA-1..4) of any unit in scope: its own rows and its subtree's totals. */
@Injectable()
export class QuotasService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jurisdiction: Jurisdiction,
  ) {}

  async forUnit(code: string, principal: Principal): Promise<UnitQuotaResponse> {
    await this.jurisdiction.assertWithin(principal, code, { entity: 'quota', entityId: code });
    const [[unit], sums, own] = await Promise.all([
      this.dataSource.query('SELECT kind FROM org_units WHERE code = $1', [code]) as Promise<Array<{ kind: string }>>,
      this.dataSource.query(
        `SELECT kind, count(*)::int AS units, coalesce(sum(value), 0)::int AS value, coalesce(sum(borrowed), 0)::int AS borrowed,
                coalesce(sum(lent), 0)::int AS lent
           FROM quotas WHERE unit_code LIKE $1 GROUP BY kind`,
        [likePrefixPattern(code)],
      ) as Promise<Array<{ kind: string; units: number; value: number; borrowed: number; lent: number }>>,
      this.dataSource.query(
        `SELECT unit_code, kind, value, min, max, borrowed, lent, explanation, policy_version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, version
           FROM quotas WHERE unit_code = $1 ORDER BY kind`,
        [code],
      ) as Promise<QuotaRow[]>,
    ]);
    const of = (kind: string) => sums.find((s) => s.kind === kind) ?? { units: 0, value: 0, borrowed: 0, lent: 0 };
    const areas = { units: of('area').units, quota: of('area').value, borrowed: of('area').borrowed };
    const centres = { units: of('centre').units, quota: of('centre').value };
    const floating = { held: of('floating').value, lent: of('floating').lent, available: of('floating').value - of('floating').lent };
    const quota = areas.quota + areas.borrowed + centres.quota;
    const explanation = new ExplanationBuilder({ unitCode: code, areas: areas.units, streets: centres.units })
      .step('QUOTA-1', `${areas.units} residential area(s) with quotas totalling ${areas.quota} (QUOTA-1/2 per area, reviewed yearly: QUOTA-5)`, areas.quota)
      .step('QUOTA-4', `Floating places borrowed by those areas: ${areas.borrowed}; floating quota held by the streets: ${floating.held}, lent ${floating.lent}`, areas.borrowed)
      .step('QUOTA-3', `Street centres: ${centres.units} street(s) × their shared quota, totalling ${centres.quota}`, centres.quota)
      .step('QUOTA-6', `Quota ${areas.quota} + ${areas.borrowed} + ${centres.quota} = ${quota}`, quota)
      .build();
    return { unitCode: code, kind: unit?.kind ?? 'unknown', quota, breakdown: { areas, centres, floating }, explanation, stored: own.map(toStoredQuota) };
  }
}
