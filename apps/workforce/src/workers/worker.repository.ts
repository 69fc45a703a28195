import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  cursorRows,
  keysetPage,
  likePrefixPattern,
  scopeOf,
  updateWithVersion,
  type ColumnChanges,
  type KeysetPosition,
  type Principal,
} from '@cwp/platform';
import type { PostCategory, WorkerRole, WorkerStatus, WorkerTitle, EducationLevel } from '@cwp/contracts';
import type { BirthDateRange } from './rules/age-band';
import { orderByClause, type SortOrder, type WorkerSort } from './rules/sort';
import { NEW_WORKER_COLUMNS, WORKER_COLUMNS, type NewWorker, type WorkerHistoryEntry, type WorkerRow } from './worker.row';

export interface WorkerSearch {
  /** Narrows to a subtree; combined (AND) with the caller's scope. */
  unit?: string;
  postCategory?: PostCategory;
  /** `none`: workers without a title. */
  title?: WorkerTitle | 'none';
  role?: WorkerRole;
  status?: WorkerStatus;
  education?: EducationLevel;
  birthDates?: BirthDateRange;
  sort?: WorkerSort;
  order?: SortOrder;
  page: number;
  pageSize: number;
}

/** The filters of a search without its page (exports, keyset walks). */
export type WorkerFilter = Omit<WorkerSearch, 'sort' | 'order' | 'page' | 'pageSize'>;

export type TitleCounts = Record<WorkerTitle, number>;

// PROM-3 checks on one street are serialised with this lock (transaction-scoped), so two
// promotions in the same street cannot both pass a check that only one of them would pass.
const TITLE_STRUCTURE_LOCK = 0x63777733; // "cww3"

/**
 * SQL of the roster. Methods that change rows take the caller's transaction (EntityManager), so
 * the service decides what commits together (row + history + audit + outbox).
 */
@Injectable()
export class WorkerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts a worker; false when a current (non-exited) worker already holds this person_ref. The
   * partial unique index decides (ON CONFLICT … DO NOTHING, so no failed INSERT logs its values).
   */
  async insert(em: EntityManager, row: NewWorker): Promise<boolean> {
    const result = (await em.query(
      `INSERT INTO workers (${NEW_WORKER_COLUMNS.join(', ')}) VALUES (${NEW_WORKER_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (person_ref) WHERE person_ref IS NOT NULL AND status <> 'exited' DO NOTHING RETURNING id`,
      NEW_WORKER_COLUMNS.map((c) => row[c]),
    )) as Array<{ id: string }>;
    return result.length === 1;
  }

  async findById(id: string, em: EntityManager = this.dataSource.manager): Promise<WorkerRow | undefined> {
    const rows = (await em.query(`SELECT ${WORKER_COLUMNS} FROM workers w WHERE w.id = $1`, [id])) as WorkerRow[];
    return rows[0];
  }

  /** Optimistic update: `version` in the WHERE clause, CONFLICT when it moved on. Returns the new version. */
  async update(em: EntityManager, id: string, expectedVersion: number, changes: ColumnChanges): Promise<number> {
    return updateWithVersion(em, 'workers', id, expectedVersion, { ...changes, updated_at: new Date() });
  }

  async addHistory(em: EntityManager, entry: WorkerHistoryEntry): Promise<void> {
    await em.query(
      `INSERT INTO worker_history (worker_id, kind, unit_code, from_unit_code, occurred_on, details, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.workerId,
        entry.kind,
        entry.unitCode,
        entry.fromUnitCode ?? null,
        entry.occurredOn,
        JSON.stringify(entry.details ?? {}),
        entry.recordedBy,
      ],
    );
  }

  async history(
    workerId: string,
  ): Promise<Array<{ kind: string; unitCode: string; fromUnitCode: string | null; occurredOn: string; details: Record<string, unknown> }>> {
    return (await this.dataSource.query(
      `SELECT kind, unit_code AS "unitCode", from_unit_code AS "fromUnitCode", to_char(occurred_on, 'YYYY-MM-DD') AS "occurredOn", details
         FROM worker_history WHERE worker_id = $1 ORDER BY id`,
      [workerId],
    )) as Array<{ kind: string; unitCode: string; fromUnitCode: string | null; occurredOn: string; details: Record<string, unknown> }>;
  }

  /**
   * PROM-3 figures of a street (its code is a 9-digit prefix): titled workers not exited, counted
   * under a transaction-level advisory lock on the street, held until the promotion commits.
   */
  async lockTitleCounts(em: EntityManager, street: string): Promise<TitleCounts> {
    await em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [TITLE_STRUCTURE_LOCK, street]);
    const rows = (await em.query(
      `SELECT title, count(*)::int AS n FROM workers
        WHERE unit_code LIKE $1 AND status <> 'exited' AND title IS NOT NULL GROUP BY title`,
      [likePrefixPattern(street)],
    )) as Array<{ title: WorkerTitle; n: number }>;
    const counts: TitleCounts = { junior: 0, intermediate: 0, senior: 0 };
    for (const row of rows) counts[row.title] = row.n;
    return counts;
  }

  /** One page of the caller's subtree with the total, every filter a bound parameter. */
  async search(filter: WorkerSearch, principal: Principal): Promise<{ rows: WorkerRow[]; total: number }> {
    const { where, params } = whereOf(filter, principal);
    const pageParams = [...params, filter.pageSize, (filter.page - 1) * filter.pageSize];
    // Page and total as two queries, side by side: a window count(*) OVER () would make every
    // matching row (all columns) go through the sort; apart, the page is a top-N sort or an index
    // walk and the total an index-only count (about 10x faster city-wide at 620,000 workers).
    const [rows, total] = await Promise.all([
      this.dataSource.query(
        `SELECT ${WORKER_COLUMNS} FROM workers w WHERE ${where.join(' AND ')}
          ${orderByClause(filter.sort, filter.order)}
          LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`,
        pageParams,
      ) as Promise<WorkerRow[]>,
      this.count(where, params),
    ]);
    return { rows, total };
  }

  /**
   * Every matching worker of the caller's subtree, streamed through a database cursor in one
   * snapshot (the roster export): memory holds one fetch, never the roster.
   */
  streamAll(filter: WorkerFilter, principal: Principal): AsyncGenerator<WorkerRow> {
    const { where, params } = whereOf(filter, principal);
    return cursorRows<WorkerRow>(
      this.dataSource,
      `SELECT ${WORKER_COLUMNS} FROM workers w WHERE ${where.join(' AND ')} ORDER BY w.unit_code, w.name, w.id`,
      params,
    );
  }

  /** One page of a keyset walk in (updated_at, id) order (integrators' sync, issue 14). */
  changes(
    filter: WorkerFilter,
    principal: Principal,
    start: KeysetPosition,
    limit: number,
  ): Promise<{ rows: WorkerRow[]; nextCursor: string; hasMore: boolean }> {
    const { where, params } = whereOf(filter, principal);
    return keysetPage<WorkerRow>(this.dataSource.manager, {
      table: 'workers',
      alias: 'w',
      columns: WORKER_COLUMNS,
      where: where.join(' AND '),
      params,
      start,
      limit,
    });
  }

  /** How many workers match (the page's total). */
  private async count(where: string[], params: unknown[]): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM workers w WHERE ${where.join(' AND ')}`, params)) as Array<{
      n: number;
    }>;
    return row?.n ?? 0;
  }
}

/** The WHERE conditions of a roster query: the caller's subtree, then each filter, every value a bound parameter. */
function whereOf(filter: WorkerFilter, principal: Principal): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown): void => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  add('w.unit_code LIKE ?', likePrefixPattern(scopeOf(principal)));
  if (filter.unit) add('w.unit_code LIKE ?', likePrefixPattern(filter.unit));
  if (filter.postCategory) add('w.post_category = ?', filter.postCategory);
  if (filter.title === 'none') where.push('w.title IS NULL');
  else if (filter.title) add('w.title = ?', filter.title);
  if (filter.role) add('w.role = ?', filter.role);
  if (filter.status) add('w.status = ?', filter.status);
  if (filter.education) add('w.education = ?', filter.education);
  if (filter.birthDates?.bornAfter) add('w.birth_date > ?', filter.birthDates.bornAfter);
  if (filter.birthDates?.bornOnOrBefore) add('w.birth_date <= ?', filter.birthDates.bornOnOrBefore);
  return { where, params };
}
