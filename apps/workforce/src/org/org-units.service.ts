import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, Jurisdiction, scopeOf, type Principal } from '@cwp/platform';
import {
  toUnitResponse,
  type ListUnitsQueryDto,
  type UnitDetailResponse,
  type UnitPageResponse,
  type UnitResponse,
  type UpdateUnitDto,
} from './org-unit.dto';
import { OrgUnitRepository } from './org-unit.repository';
import type { OrgUnitRow } from './org-unit.row';

/** The org tree as reference data (ORG-2): read within the caller's jurisdiction; areas' households updated. */
@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: OrgUnitRepository,
    private readonly jurisdiction: Jurisdiction,
    private readonly audit: AuditTrail,
  ) {}

  async get(code: string, principal: Principal): Promise<UnitDetailResponse> {
    await this.jurisdiction.assertWithin(principal, code, { entity: 'org_unit', entityId: code });
    const row = await this.find(code);
    const counts = await this.repository.subtreeCounts(code);
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
    const { rows, total } = await this.repository.list({
      base,
      ...(query.kind ? { kind: query.kind } : {}),
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: rows.map(toUnitResponse), page: query.page, pageSize: query.pageSize, total };
  }

  /** QUOTA-2 inputs: only areas carry households and population; the next review (QUOTA-5) uses them. */
  async update(code: string, dto: UpdateUnitDto, principal: Principal): Promise<UnitResponse> {
    await this.jurisdiction.assertWithin(principal, code, { entity: 'org_unit', entityId: code, action: 'update' });
    if (dto.households === undefined && dto.population === undefined) {
      throw DomainError.validation('households', 'Give households and/or population');
    }
    return this.dataSource.transaction(async (em) => {
      const before = await this.repository.findForUpdate(em, code);
      if (!before) throw DomainError.notFound('org_unit', code);
      if (before.kind !== 'area') {
        throw DomainError.businessRule('QUOTA-2', `Households and population belong on residential areas; ${code} is a ${before.kind}`, {
          unitCode: code,
          kind: before.kind,
        });
      }
      if (dto.version !== undefined && dto.version !== before.version) {
        throw DomainError.versionConflict(
          `org_unit ${code} was changed by someone else (expected version ${dto.version}, found ${before.version}); reload and retry`,
          {
            expectedVersion: dto.version,
            version: before.version,
          },
        );
      }
      const households = dto.households ?? before.households ?? 0;
      const population = dto.population ?? before.population ?? 0;
      if (population < households)
        throw DomainError.validation('population', `population (${population}) cannot be smaller than households (${households})`);
      const row = await this.repository.updateFigures(em, code, households, population);
      await this.audit.record(
        em,
        {
          action: 'update',
          entity: 'org_unit',
          entityId: code,
          before: { households: before.households, population: before.population },
          after: { households, population },
        },
        principal,
      );
      return toUnitResponse(row);
    });
  }

  async find(code: string): Promise<OrgUnitRow> {
    const row = await this.repository.find(code);
    if (!row) throw DomainError.notFound('org_unit', code);
    return row;
  }
}
