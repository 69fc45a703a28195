import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  insertRowStatement,
  keysetPage,
  likePrefixPattern,
  scopeOf,
  type KeysetPosition,
  type Principal,
  type SqlStatement,
} from '@cwp/platform';
import type { EntryStatus, JoinRoute, PoolSource, WithdrawReason } from '@cwp/contracts';
import { ENTRY_COLUMNS, type EntryRow, type NewEntryRow } from './entry.row';

export const ONE_ACTIVE_PER_PERSON_UNIT = 'entries_one_active_per_person_unit';

export interface EntrySearch {
  source?: PoolSource;
  status?: EntryStatus;
  /** Narrows to a subtree; combined (AND) with the caller's scope. */
  unit?: string;
  expiringBefore?: string;
  page: number;
  pageSize: number;
}

/** How an entry ends; personal data is erased in the same UPDATE. */
export type EntryEnding =
  | { status: 'joined'; endedOn: string; joinRoute: JoinRoute; joinedWorkerId: string | null }
  | { status: 'withdrawn'; endedOn: string; withdrawReason: WithdrawReason }
  | { status: 'expired'; endedOn: string };

/**
 * All SQL of the entries table. Methods that change a row take the caller's transaction
 * (EntityManager), so the service decides what commits together (row + audit + outbox); reads
 * default to the DataSource's manager.
 */
@Injectable()
export class EntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The INSERT of a new entry, skipped when the partial unique index (one active entry per person
   * per holding unit) already holds one, so the index decides atomically (`insertTogether`'s first row).
   */
  insertStatement(row: NewEntryRow): SqlStatement {
    return insertRowStatement('entries', row);
  }

  async findById(id: string, em: EntityManager = this.dataSource.manager): Promise<EntryRow | undefined> {
    const rows = (await em.query(`SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.id = $1`, [id])) as EntryRow[];
    return rows[0];
  }

  /** Locks the row for a state change (SELECT … FOR UPDATE). */
  async lock(em: EntityManager, id: string): Promise<EntryRow | undefined> {
    const rows = (await em.query(`SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.id = $1 FOR UPDATE`, [id])) as EntryRow[];
    return rows[0];
  }

  /** One page of the caller's subtree with the total, every filter a bound parameter. */
  async search(filter: EntrySearch, principal: Principal): Promise<{ rows: EntryRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    add('e.holding_unit LIKE ?', likePrefixPattern(scopeOf(principal)));
    if (filter.unit) add('e.holding_unit LIKE ?', likePrefixPattern(filter.unit));
    if (filter.source) add('e.source = ?', filter.source);
    if (filter.status) add('e.status = ?', filter.status);
    if (filter.expiringBefore) add('e.expires_on < ?', filter.expiringBefore);
    const pageParams = [...params, filter.pageSize, (filter.page - 1) * filter.pageSize];
    const [rows, counted] = await Promise.all([
      this.dataSource.query(
        `SELECT ${ENTRY_COLUMNS} FROM entries e WHERE ${where.join(' AND ')}
          ORDER BY e.created_at DESC, e.id ASC LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`,
        pageParams,
      ) as Promise<EntryRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS n FROM entries e WHERE ${where.join(' AND ')}`, params) as Promise<
        Array<{ n: number }>
      >,
    ]);
    return { rows, total: counted[0]?.n ?? 0 };
  }

  /** One page of the integrators' keyset walk in (updated_at, id) order over the caller's subtree (issue 14). */
  changes(principal: Principal, start: KeysetPosition, limit: number): Promise<{ rows: EntryRow[]; nextCursor: string; hasMore: boolean }> {
    return keysetPage<EntryRow>(this.dataSource.manager, {
      table: 'entries',
      alias: 'e',
      columns: ENTRY_COLUMNS,
      where: 'e.holding_unit LIKE $1',
      params: [likePrefixPattern(scopeOf(principal))],
      start,
      limit,
    });
  }

  /**
   * Ends an active entry and erases its personal data in one guarded UPDATE (`status = 'active'`
   * in the WHERE: of two racing endings only one changes the row). Returns the updated row, or
   * undefined when the entry was not active.
   */
  async end(em: EntityManager, id: string, ending: EntryEnding): Promise<EntryRow | undefined> {
    return this.updateReturning(
      em,
      `status = $2, ended_on = $3, join_route = $4, joined_worker_id = $5, withdraw_reason = $6,
       name = NULL, national_id_enc = NULL, national_id_masked = NULL, phone_enc = NULL, phone_masked = NULL, person_ref = NULL,
       version = version + 1, updated_at = now()`,
      "e.id = $1 AND e.status = 'active'",
      [
        id,
        ending.status,
        ending.endedOn,
        ending.status === 'joined' ? ending.joinRoute : null,
        ending.status === 'joined' ? ending.joinedWorkerId : null,
        ending.status === 'withdrawn' ? ending.withdrawReason : null,
      ],
    );
  }

  /** Records the reminder once per (entry, expiresOn); undefined when already reminded or ended. */
  async markReminded(em: EntityManager, id: string, expiresOn: string): Promise<EntryRow | undefined> {
    return this.updateReturning(
      em,
      'reminded_for = $2, updated_at = now()',
      "e.id = $1 AND e.status = 'active' AND e.expires_on = $2 AND e.reminded_for IS DISTINCT FROM $2",
      [id, expiresOn],
    );
  }

  /** Active entries of a person (by keyed hash), locked: the hired-event handler ends them all. */
  async lockActiveByPersonRef(em: EntityManager, personRef: string): Promise<EntryRow[]> {
    return (await em.query(
      `SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.person_ref = $1 AND e.status = 'active' ORDER BY e.id FOR UPDATE`,
      [personRef],
    )) as EntryRow[];
  }

  /** Active entries whose workflow start was never confirmed (a crash or outage between commit and start). */
  async withoutWorkflow(limit: number): Promise<EntryRow[]> {
    return (await this.dataSource.query(
      `SELECT ${ENTRY_COLUMNS} FROM entries e WHERE e.workflow_started_at IS NULL AND e.status = 'active' ORDER BY e.created_at LIMIT $1`,
      [limit],
    )) as EntryRow[];
  }

  async markWorkflowStarted(id: string, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.query('UPDATE entries SET workflow_started_at = now() WHERE id = $1 AND workflow_started_at IS NULL', [id]);
  }

  /** One guarded UPDATE returning the changed row (TypeORM answers an UPDATE with [rows, count]). */
  private async updateReturning(em: EntityManager, set: string, where: string, params: unknown[]): Promise<EntryRow | undefined> {
    const [rows] = (await em.query(`UPDATE entries e SET ${set} WHERE ${where} RETURNING ${ENTRY_COLUMNS}`, params)) as [
      EntryRow[],
      number,
    ];
    return rows[0];
  }
}
