import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkerChangedData, WorkerExitedData, WorkerHiredData, WorkerStateData, WorkerTransferredData } from '@cwp/contracts';
import { PAY_WORKER_COLUMNS, type PayWorkerRow } from './pay-worker.row';
import type { FieldComparison } from './rules/reconcile';

export interface ProjectionCounts {
  workers: number;
  /** Rows first written from the worker-state topic (bootstrap), not by a `hired` event. */
  fromState: number;
  byStatus: Record<string, number>;
  misses: Record<string, number>;
}

/**
 * All SQL of the projection. Writes take the inbox transaction's EntityManager; each update is
 * guarded by the workforce version (an older or repeated fact never overwrites a newer one) and
 * returns whether a row changed, so the handler can record a miss.
 */
@Injectable()
export class PayWorkerRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(workerId: string, em: EntityManager = this.dataSource.manager): Promise<PayWorkerRow | undefined> {
    const rows = (await em.query(`SELECT ${PAY_WORKER_COLUMNS} FROM pay_workers w WHERE w.worker_id = $1`, [workerId])) as PayWorkerRow[];
    return rows[0];
  }

  async insertHired(em: EntityManager, d: WorkerHiredData): Promise<boolean> {
    const rows = (await em.query(
      `INSERT INTO pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, post_role, title, hired_on)
       VALUES ($1, $2, 'on-duty', $3, $4, $5, $6, $7, $8) ON CONFLICT (worker_id) DO NOTHING RETURNING worker_id`,
      [d.workerId, d.unitCode, d.entryRoute, d.postCategory, d.postLevel ?? 1, d.postRole ?? null, d.title ?? null, d.hiredOn],
    )) as unknown[];
    return rows.length === 1;
  }

  async applyChanged(em: EntityManager, d: WorkerChangedData): Promise<boolean> {
    return this.updated(
      em,
      `UPDATE pay_workers SET unit_code = $3, post_category = $4, post_level = $5, post_role = $6, title = $7, status = $8,
        workforce_version = $2, updated_at = now() WHERE worker_id = $1 AND workforce_version < $2 AND status <> 'exited' RETURNING worker_id`,
      [d.workerId, d.version, d.unitCode, d.postCategory, d.postLevel, d.postRole, d.title, d.status],
    );
  }

  async applyTransferred(em: EntityManager, d: WorkerTransferredData): Promise<boolean> {
    return this.updated(
      em,
      `UPDATE pay_workers SET unit_code = $3, workforce_version = $2, updated_at = now()
       WHERE worker_id = $1 AND workforce_version < $2 AND status <> 'exited' RETURNING worker_id`,
      [d.workerId, d.version, d.toUnitCode],
    );
  }

  async applyExited(em: EntityManager, d: WorkerExitedData): Promise<boolean> {
    return this.updated(
      em,
      `UPDATE pay_workers SET status = 'exited', exited_on = $3, unit_code = $4, workforce_version = $2, updated_at = now()
       WHERE worker_id = $1 AND workforce_version < $2 RETURNING worker_id`,
      [d.workerId, d.version, d.exitedOn, d.unitCode],
    );
  }

  /**
   * Bootstrap (the compacted worker-state topic): inserts a worker the projection does not know, or
   * brings a known one up to this state when it is newer (version guard; an exit is terminal).
   * Returns 'inserted', 'updated', or null when the state is not newer (stale or repeated).
   */
  async applyState(em: EntityManager, d: WorkerStateData): Promise<'inserted' | 'updated' | null> {
    const rows = (await em.query(
      `INSERT INTO pay_workers AS w (worker_id, unit_code, status, entry_route, post_category, post_level, post_role, title, hired_on, exited_on,
                                     workforce_version, projected_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'state')
       ON CONFLICT (worker_id) DO UPDATE SET unit_code = EXCLUDED.unit_code, status = EXCLUDED.status, entry_route = EXCLUDED.entry_route,
              post_category = EXCLUDED.post_category, post_level = EXCLUDED.post_level, post_role = EXCLUDED.post_role, title = EXCLUDED.title,
              hired_on = EXCLUDED.hired_on, exited_on = EXCLUDED.exited_on, workforce_version = EXCLUDED.workforce_version, updated_at = now()
        WHERE w.workforce_version < EXCLUDED.workforce_version AND w.status <> 'exited'
       RETURNING (xmax = 0) AS inserted`,
      [d.workerId, d.unitCode, d.status, d.entryRoute, d.postCategory, d.postLevel, d.postRole, d.title, d.hiredOn, d.exitedOn, d.version],
    )) as Array<{ inserted: boolean }>;
    if (rows.length === 0) return null;
    return rows[0]!.inserted ? 'inserted' : 'updated';
  }

  /** The newest state the workforce published for a worker, kept to compare the projection with it. */
  async rememberState(em: EntityManager, d: WorkerStateData): Promise<void> {
    await em.query(
      `INSERT INTO worker_states_seen AS s (worker_id, workforce_version, unit_code, status, entry_route, post_category, post_level, post_role,
                                            title, hired_on, exited_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (worker_id) DO UPDATE SET workforce_version = EXCLUDED.workforce_version, unit_code = EXCLUDED.unit_code,
              status = EXCLUDED.status, entry_route = EXCLUDED.entry_route, post_category = EXCLUDED.post_category,
              post_level = EXCLUDED.post_level, post_role = EXCLUDED.post_role, title = EXCLUDED.title, hired_on = EXCLUDED.hired_on,
              exited_on = EXCLUDED.exited_on, seen_at = now()
        WHERE s.workforce_version < EXCLUDED.workforce_version`,
      [d.workerId, d.version, d.unitCode, d.status, d.entryRoute, d.postCategory, d.postLevel, d.postRole, d.title, d.hiredOn, d.exitedOn],
    );
  }

  /**
   * Every projected row against the newest state seen for its worker, in one statement: at the same
   * version each field must be equal; an older projected version (not exited) is a row left behind;
   * a state with no row is a worker the projection lacks. Up to ten ids name the first differences.
   */
  async compareWithStates(): Promise<FieldComparison> {
    const [row] = (await this.dataSource.query(
      `WITH pairs AS (
         SELECT s.worker_id, p.worker_id IS NULL AS missing,
                p.workforce_version < s.workforce_version AND p.status <> 'exited' AS behind,
                p.workforce_version = s.workforce_version AS same,
                ${PROJECTED_FIELDS.map(([, column]) => `p.${column} IS DISTINCT FROM s.${column} AS "${column}"`).join(', ')}
           FROM worker_states_seen s LEFT JOIN pay_workers p ON p.worker_id = s.worker_id)
       SELECT count(*)::int AS states, count(*) FILTER (WHERE missing)::int AS missing, count(*) FILTER (WHERE behind)::int AS behind,
              count(*) FILTER (WHERE same)::int AS compared,
              json_build_object(${PROJECTED_FIELDS.map(([field, column]) => `'${field}', count(*) FILTER (WHERE same AND "${column}")`).join(', ')}) AS differing,
              COALESCE((array_agg(worker_id ORDER BY worker_id) FILTER (WHERE missing OR behind OR (same AND (${PROJECTED_FIELDS.map(([, c]) => `"${c}"`).join(' OR ')}))))[1:10], '{}') AS sample
         FROM pairs`,
    )) as FieldComparison[];
    return row!;
  }

  async recordMiss(em: EntityManager, eventId: string, eventType: string, workerId: string, reason: string): Promise<void> {
    await em.query(
      'INSERT INTO projection_misses (event_id, event_type, worker_id, reason) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [eventId, eventType, workerId, reason],
    );
  }

  /** Events the consumer handled, by type (the inbox is the ledger of what was consumed). */
  async consumedByType(consumer: string): Promise<Record<string, number>> {
    const rows = (await this.dataSource.query(
      'SELECT event_type AS type, count(*)::int AS n FROM inbox WHERE consumer = $1 GROUP BY event_type',
      [consumer],
    )) as Array<{ type: string; n: number }>;
    return Object.fromEntries(rows.map((r) => [r.type, r.n]));
  }

  async projectionCounts(): Promise<ProjectionCounts> {
    const statuses = (await this.dataSource.query('SELECT status, count(*)::int AS n FROM pay_workers GROUP BY status')) as Array<{
      status: string;
      n: number;
    }>;
    const misses = (await this.dataSource.query(
      'SELECT event_type AS type, count(*)::int AS n FROM projection_misses GROUP BY event_type',
    )) as Array<{ type: string; n: number }>;
    const [state] = (await this.dataSource.query("SELECT count(*)::int AS n FROM pay_workers WHERE projected_from = 'state'")) as Array<{
      n: number;
    }>;
    const byStatus = Object.fromEntries(statuses.map((r) => [r.status, r.n]));
    return {
      workers: statuses.reduce((a, r) => a + r.n, 0),
      fromState: state!.n,
      byStatus,
      misses: Object.fromEntries(misses.map((r) => [r.type, r.n])),
    };
  }

  private async updated(em: EntityManager, sql: string, params: unknown[]): Promise<boolean> {
    const result = (await em.query(sql, params)) as [unknown[], number] | unknown[];
    // TypeORM returns [rows, affected] for UPDATE … RETURNING on postgres.
    const rows = Array.isArray(result[0]) ? (result[0] as unknown[]) : (result as unknown[]);
    return rows.length > 0;
  }
}

/** The projected fields compared with the worker-state topic: (report name, column). */
const PROJECTED_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['unitCode', 'unit_code'],
  ['status', 'status'],
  ['entryRoute', 'entry_route'],
  ['postCategory', 'post_category'],
  ['postLevel', 'post_level'],
  ['postRole', 'post_role'],
  ['title', 'title'],
  ['hiredOn', 'hired_on'],
  ['exitedOn', 'exited_on'],
];
