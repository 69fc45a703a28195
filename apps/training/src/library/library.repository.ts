import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { likePrefixPattern } from '@cwp/platform';
import { LIBRARY_COLUMNS, type LibraryKind, type LibraryResourceRow } from './library.row';

export interface LibrarySearch {
  /** Owner units visible to the caller: the city, the caller's district (and, for the city, all). */
  owners: string[];
  /** The caller's scope prefix: owners within it are visible too (a district's own, the city's all). */
  scope: string;
  tokens: string[];
  query?: string;
  kind?: LibraryKind;
  module?: string;
  step?: string;
  delivery?: string;
  years?: number;
  limit: number;
}

/** All SQL of the library; writes take the caller's EntityManager. */
@Injectable()
export class LibraryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(em: EntityManager, row: LibraryResourceRow, tokens: string[]): Promise<void> {
    await em.query(
      `INSERT INTO library_resources (id, kind, owner_unit, title, summary, module, step, form, delivery, hours, affiliation,
         min_years, max_years, search_tokens, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::text[], $15, $16)`,
      [
        row.id,
        row.kind,
        row.ownerUnit,
        row.title,
        row.summary,
        row.module,
        row.step,
        row.form,
        row.delivery,
        row.hours,
        row.affiliation,
        row.minYears,
        row.maxYears,
        tokens,
        row.createdBy,
        row.createdAt,
      ],
    );
  }

  async find(id: string, em: EntityManager = this.dataSource.manager): Promise<LibraryResourceRow | undefined> {
    const rows: LibraryResourceRow[] = await em.query(`SELECT ${LIBRARY_COLUMNS} FROM library_resources WHERE id = $1`, [id]);
    return rows[0];
  }

  /**
   * Visible resources matching every filter; with tokens, only rows whose tokens contain all of
   * them (GIN index), exact substring matches of the title first.
   */
  async search(s: LibrarySearch): Promise<LibraryResourceRow[]> {
    const where = ['(owner_unit = ANY($1::text[]) OR owner_unit LIKE $2)'];
    const params: unknown[] = [s.owners, likePrefixPattern(s.scope)];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (s.tokens.length > 0) add('search_tokens @> ?::text[]', s.tokens);
    if (s.kind) add('kind = ?', s.kind);
    if (s.module) add('module = ?', s.module);
    if (s.step) add('step = ?', s.step);
    if (s.delivery) add('delivery = ?', s.delivery);
    if (s.years !== undefined) add('coalesce(min_years, 0) <= ? AND coalesce(max_years, 40) >= $' + params.length, s.years);
    params.push(s.query ?? '');
    const q = `$${params.length}`;
    params.push(s.limit);
    return this.dataSource.query(
      `SELECT ${LIBRARY_COLUMNS} FROM library_resources WHERE ${where.join(' AND ')}
       ORDER BY (${q} <> '' AND strpos(lower(title), lower(${q})) > 0) DESC, owner_unit DESC, title, id LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * TRAIN-6: courses of the owners for the step, in the modules, meant for about these years of
   * service; the preferred delivery first (offline for a missing off-the-job training, online for
   * short hours), then the city's syllabus before local additions.
   */
  async recommend(r: {
    owners: string[];
    step: string;
    modules: string[];
    years: number;
    preferDelivery: string | null;
    limit: number;
  }): Promise<LibraryResourceRow[]> {
    return this.dataSource.query(
      `SELECT ${LIBRARY_COLUMNS} FROM library_resources
       WHERE kind = 'course' AND owner_unit = ANY($1::text[]) AND step = $2 AND module = ANY($3::text[])
         AND coalesce(min_years, 0) <= $4 AND coalesce(max_years, 40) >= $4
       ORDER BY (delivery = $5) DESC NULLS LAST, array_position($3::text[], module), owner_unit, title, id LIMIT $6`,
      [r.owners, r.step, r.modules, r.years, r.preferDelivery, r.limit],
    );
  }

  /** Records a community's pick; a second pick of the same resource changes nothing. */
  async pick(em: EntityManager, unitCode: string, resourceId: string, by: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO library_picks (unit_code, resource_id, picked_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING unit_code`,
      [unitCode, resourceId, by],
    );
    return rows.length === 1;
  }

  async picksOf(unitCode: string): Promise<LibraryResourceRow[]> {
    return this.dataSource.query(
      `SELECT ${LIBRARY_COLUMNS} FROM library_resources WHERE id IN (SELECT resource_id FROM library_picks WHERE unit_code = $1) ORDER BY title, id`,
      [unitCode],
    );
  }
}
