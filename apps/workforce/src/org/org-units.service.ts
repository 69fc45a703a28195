import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, Jurisdiction, likePrefixPattern, scopeOf, type Principal } from '@cwp/platform';
import { toUnitResponse, type ListUnitsQueryDto, type OrgUnitRow, type UnitDetailResponse, type UnitPageResponse, type UnitResponse, type UpdateUnitDto } from './org-unit.dto';

const UNIT_COLUMNS = 'code, name, name_en, kind, parent, region, households, population, synthetic, version';

/** The org tree as reference data (ORG-2): read within the caller's jurisdiction; areas' households updated. */
@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jurisdiction: Jurisdiction,
    private readonly audit: AuditTrail,
  ) {}

  async get(code: string, principal: Principal): Promise<UnitDetailResponse> {
    await this.jurisdiction.assertWithin(principal, code, { entity: 'org_unit', entityId: code });
    const row = await this.find(code);
    const counts = (await this.dataSource.query(
      `SELECT kind, count(*)::int AS n, count(*) FILTER (WHERE parent = $2)::int AS direct,
              coalesce(sum(households), 0)::bigint AS households, coalesce(sum(population), 0)::bigint AS population
         FROM org_units WHERE code LIKE $1 AND code <> $2 GROUP BY kind`,
      [likePrefixPattern(code), code],
    )) as Array<{ kind: string; n: number; direct: number; households: string; population: string }>;
    const n = (kind: string): number => counts.find((c) => c.kind === kind)?.n ?? 0;
    const areaTotals = counts.find((c) => c.kind === 'area');
    return {
      ...toUnitResponse(row),
      children: { direct: counts.reduce((s, c) => s + c.direct, 0), districts: n('district'), streets: n('street'), areas: n('area') },
      totals:
        row.kind === 'area'
          ? { households: row.households ?? 0, population: row.population ?? 0 }
          : { households: Number(areaTotals?.households ?? 0), population: Number(areaTotals?.population ?? 0) },
    };
  }

  async list(query: ListUnitsQueryDto, principal: Principal): Promise<UnitPageResponse> {
    const base = query.parent ?? scopeOf(principal);
    await this.jurisdiction.assertWithin(principal, base, { entity: 'org_unit', entityId: base });
    // With a kind: that kind anywhere beneath (a range scan on the code); without: the direct children.
    const [where, params] = query.kind
      ? ['code LIKE $1 AND code <> $2 AND kind = $3', [likePrefixPattern(base), base, query.kind]]
      : ['parent = $1', [base]];
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM org_units WHERE ${where}`, params)) as Array<{ total: number }>;
    const rows = (await this.dataSource.query(
      `SELECT ${UNIT_COLUMNS} FROM org_units WHERE ${where} ORDER BY code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    )) as OrgUnitRow[];
    return { items: rows.map(toUnitResponse), page: query.page, pageSize: query.pageSize, total };
  }

  /** QUOTA-2 inputs: only areas carry households and population; the next review (QUOTA-5) uses them. */
  async update(code: string, dto: UpdateUnitDto, principal: Principal): Promise<UnitResponse> {
    await this.jurisdiction.assertWithin(principal, code, { entity: 'org_unit', entityId: code, action: 'update' });
    if (dto.households === undefined && dto.population === undefined) {
      throw DomainError.validation('households', 'Give households and/or population');
    }
    return this.dataSource.transaction(async (em) => {
      const [before] = (await em.query(`SELECT ${UNIT_COLUMNS} FROM org_units WHERE code = $1 FOR UPDATE`, [code])) as OrgUnitRow[];
      if (!before) throw DomainError.notFound('org_unit', code);
      if (before.kind !== 'area') {
        throw DomainError.businessRule('QUOTA-2', `Households and population belong on residential areas; ${code} is a ${before.kind}`, { unitCode: code, kind: before.kind });
      }
      if (dto.version !== undefined && dto.version !== before.version) {
        throw DomainError.conflict(`org_unit ${code} was changed by someone else (expected version ${dto.version}, found ${before.version}); reload and retry`, {
          reason: 'STALE_VERSION',
          expectedVersion: dto.version,
          version: before.version,
        });
      }
      const households = dto.households ?? before.households ?? 0;
      const population = dto.population ?? before.population ?? 0;
      if (population < households) throw DomainError.validation('population', `population (${population}) cannot be smaller than households (${households})`);
      // TypeORM answers an UPDATE … RETURNING with [rows, rowCount].
      const [rows] = (await em.query(
        `UPDATE org_units SET households = $2, population = $3, version = version + 1, updated_at = now() WHERE code = $1 RETURNING ${UNIT_COLUMNS}`,
        [code, households, population],
      )) as [OrgUnitRow[], number];
      const row = rows[0]!;
      await this.audit.record(
        em,
        { action: 'update', entity: 'org_unit', entityId: code, before: { households: before.households, population: before.population }, after: { households, population } },
        principal,
      );
      return toUnitResponse(row);
    });
  }

  async find(code: string): Promise<OrgUnitRow> {
    const [row] = (await this.dataSource.query(`SELECT ${UNIT_COLUMNS} FROM org_units WHERE code = $1`, [code])) as OrgUnitRow[];
    if (!row) throw DomainError.notFound('org_unit', code);
    return row;
  }
}
