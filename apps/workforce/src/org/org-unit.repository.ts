import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { likePrefixPattern, type OrgUnit } from '@cwp/platform';
import { ORG_UNIT_COLUMNS, type OrgUnitRow, type SubtreeCount, type UnitKind } from './org-unit.row';

/** A page of units: direct children of a unit, or one kind anywhere beneath it. */
export interface UnitListing {
  base: string;
  kind?: UnitKind;
  limit: number;
  offset: number;
}

/**
 * All SQL of the org tree (ORG-2). Reads default to the DataSource's manager; writes take the
 * caller's transaction.
 */
@Injectable()
export class OrgUnitRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(code: string, em: EntityManager = this.dataSource.manager): Promise<OrgUnitRow | undefined> {
    const [row] = (await em.query(`SELECT ${ORG_UNIT_COLUMNS} FROM org_units WHERE code = $1`, [code])) as OrgUnitRow[];
    return row;
  }

  /** The row, locked for the rest of the caller's transaction. */
  async findForUpdate(em: EntityManager, code: string): Promise<OrgUnitRow | undefined> {
    const [row] = (await em.query(`SELECT ${ORG_UNIT_COLUMNS} FROM org_units WHERE code = $1 FOR UPDATE`, [code])) as OrgUnitRow[];
    return row;
  }

  /** The unit's kind, or undefined when there is no such unit. */
  async kindOf(code: string, em: EntityManager = this.dataSource.manager): Promise<UnitKind | undefined> {
    const [unit] = (await em.query('SELECT kind FROM org_units WHERE code = $1', [code])) as Array<{ kind: UnitKind }>;
    return unit?.kind;
  }

  /** Units beneath `code` (itself excluded) grouped by kind, with the areas' households and population. */
  async subtreeCounts(code: string, em: EntityManager = this.dataSource.manager): Promise<SubtreeCount[]> {
    return (await em.query(
      `SELECT kind, count(*)::int AS n, count(*) FILTER (WHERE parent = $2)::int AS direct,
              coalesce(sum(households), 0)::bigint AS households, coalesce(sum(population), 0)::bigint AS population
         FROM org_units WHERE code LIKE $1 AND code <> $2 GROUP BY kind`,
      [likePrefixPattern(code), code],
    )) as SubtreeCount[];
  }

  /** With a kind: that kind anywhere beneath (a range scan on the code); without: the direct children. */
  async list(listing: UnitListing, em: EntityManager = this.dataSource.manager): Promise<{ rows: OrgUnitRow[]; total: number }> {
    const [where, params] = listing.kind
      ? ['code LIKE $1 AND code <> $2 AND kind = $3', [likePrefixPattern(listing.base), listing.base, listing.kind]]
      : ['parent = $1', [listing.base]];
    const [{ total }] = (await em.query(`SELECT count(*)::int AS total FROM org_units WHERE ${where}`, params)) as Array<{ total: number }>;
    const rows = (await em.query(
      `SELECT ${ORG_UNIT_COLUMNS} FROM org_units WHERE ${where} ORDER BY code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, listing.limit, listing.offset],
    )) as OrgUnitRow[];
    return { rows, total };
  }

  /** QUOTA-2 inputs of an area; the version moves on. */
  async updateFigures(em: EntityManager, code: string, households: number, population: number): Promise<OrgUnitRow> {
    // TypeORM answers an UPDATE … RETURNING with [rows, rowCount].
    const [rows] = (await em.query(
      `UPDATE org_units SET households = $2, population = $3, version = version + 1, updated_at = now() WHERE code = $1 RETURNING ${ORG_UNIT_COLUMNS}`,
      [code, households, population],
    )) as [OrgUnitRow[], number];
    return rows[0]!;
  }

  /**
   * Loads the org tree into `org_units` in one statement (arrays unnested server-side), idempotently:
   * new units are inserted; names, parent and region follow the file; households and population are
   * kept once a row exists, because after the first load the API owns them (QUOTA-5 reviews use the
   * current figures). Parents sort before children (code order), so the foreign key holds.
   */
  async upsertTree(em: EntityManager, units: readonly OrgUnit[]): Promise<{ inserted: number; total: number }> {
    const sorted = [...units].sort((a, b) => a.code.length - b.code.length || (a.code < b.code ? -1 : 1));
    const col = <T>(pick: (u: OrgUnit) => T): T[] => sorted.map(pick);
    const rows = (await em.query(
      `INSERT INTO org_units (code, name, name_en, kind, parent, region, households, population, synthetic)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::bool[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, parent = EXCLUDED.parent, region = EXCLUDED.region,
         synthetic = EXCLUDED.synthetic
         WHERE (org_units.name, org_units.name_en, org_units.parent, org_units.region, org_units.synthetic)
           IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.name_en, EXCLUDED.parent, EXCLUDED.region, EXCLUDED.synthetic)
       RETURNING (xmax = 0) AS inserted`,
      [
        col((u) => u.code),
        col((u) => u.name),
        col((u) => u.nameEn ?? null),
        col((u) => u.kind),
        col((u) => u.parent),
        col((u) => u.region ?? null),
        col((u) => u.households ?? null),
        col((u) => u.population ?? null),
        col((u) => u.synthetic === true),
      ],
    )) as Array<{ inserted: boolean }>;
    return { inserted: rows.filter((r) => r.inserted).length, total: units.length };
  }
}
