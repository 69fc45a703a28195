import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CyclePhase } from '@cwp/contracts';
import { CYCLE_COLUMNS, type CycleRow } from './cycle.row';

/** All SQL of appraisal cycles and their targets (APPR-4). */
@Injectable()
export class CycleRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, em: EntityManager = this.dataSource.manager): Promise<CycleRow | undefined> {
    const rows: CycleRow[] = await em.query(`SELECT ${CYCLE_COLUMNS} FROM cycles WHERE id = $1`, [id]);
    return rows[0];
  }

  /** The cycle of `year` that covers a worker's unit (its own unit code or an ancestor's). */
  async covering(unitCode: string, year: number): Promise<CycleRow | undefined> {
    const rows: CycleRow[] = await this.dataSource.query(
      `SELECT ${CYCLE_COLUMNS} FROM cycles WHERE year = $2 AND $1 LIKE unit_code || '%' ORDER BY length(unit_code) DESC LIMIT 1`,
      [unitCode, year],
    );
    return rows[0];
  }

  /** A cycle of the same year whose unit contains, or is contained in, `unitCode`. */
  async overlapping(em: EntityManager, unitCode: string, year: number): Promise<CycleRow | undefined> {
    const rows: CycleRow[] = await em.query(
      `SELECT ${CYCLE_COLUMNS} FROM cycles WHERE year = $2 AND ($1 LIKE unit_code || '%' OR unit_code LIKE $1 || '%') LIMIT 1`,
      [unitCode, year],
    );
    return rows[0];
  }

  async insert(
    em: EntityManager,
    row: Omit<CycleRow, 'phase' | 'closedBy' | 'closedAt' | 'publishedAt' | 'unitsOverLimit' | 'workflowStartedAt' | 'version'>,
  ): Promise<CycleRow> {
    const rows: CycleRow[] = await em.query(
      `INSERT INTO cycles (id, unit_code, year, policy_version, rating_opens_at, rating_closes_at, reminder_days, excellent_share_limit, opened_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${CYCLE_COLUMNS}`,
      [
        row.id,
        row.unitCode,
        row.year,
        row.policyVersion,
        row.ratingOpensAt,
        row.ratingClosesAt,
        row.reminderDays,
        row.excellentShareLimit,
        row.openedBy,
      ],
    );
    return rows[0]!;
  }

  async within(prefix: string, year: number | undefined): Promise<CycleRow[]> {
    return this.dataSource.query(
      `SELECT ${CYCLE_COLUMNS} FROM cycles WHERE unit_code LIKE $1 AND ($2::int IS NULL OR year = $2) ORDER BY year DESC, unit_code LIMIT 500`,
      [`${prefix}%`, year ?? null],
    );
  }

  async setPhase(id: string, phase: CyclePhase, extra: { closedBy?: string; unitsOverLimit?: string[] } = {}): Promise<void> {
    await this.dataSource.query(
      `UPDATE cycles SET phase = $2,
              closed_by = COALESCE($3, closed_by), closed_at = CASE WHEN $3::text IS NULL THEN closed_at ELSE now() END,
              units_over_limit = COALESCE($4, units_over_limit),
              published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END,
              version = version + 1
        WHERE id = $1`,
      [id, phase, extra.closedBy ?? null, extra.unitsOverLimit ?? null],
    );
  }

  async markReminded(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE cycles SET reminded_at = now() WHERE id = $1`, [id]);
  }

  async markWorkflowStarted(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE cycles SET workflow_started_at = now() WHERE id = $1 AND workflow_started_at IS NULL`, [id]);
  }

  /** Cycles not yet published whose workflow start is not recorded (a crash or a Temporal outage), oldest first. */
  async withoutWorkflow(limit: number): Promise<CycleRow[]> {
    return this.dataSource.query(
      `SELECT ${CYCLE_COLUMNS} FROM cycles WHERE workflow_started_at IS NULL AND phase <> 'published' ORDER BY created_at, id LIMIT $1`,
      [limit],
    );
  }

  /** Active workers of the cycle's scope that some source has not rated yet. */
  async workersMissingRatings(cycle: CycleRow): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM worker_records w
        WHERE w.status = 'active' AND w.unit_code LIKE $2
          AND (SELECT count(DISTINCT r.source) FROM ratings r WHERE r.cycle_id = $1 AND r.worker_id = w.worker_id) < 3`,
      [cycle.id, `${cycle.unitCode}%`],
    );
    return rows[0]!.n;
  }

  /** APPR-4: targets recorded in one statement; workers must be active in the cycle's scope. */
  async insertTargets(
    em: EntityManager,
    cycle: CycleRow,
    by: string,
    targets: readonly { id: string; workerId: string; kind: string; description: string }[],
  ): Promise<string[]> {
    const rows: { worker_id: string }[] = await em.query(
      `INSERT INTO targets (id, cycle_id, worker_id, kind, description, recorded_by)
       SELECT t.id, $1, t.w, t.k, t.d, $2 FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) AS t(id, w, k, d)
         JOIN worker_records r ON r.worker_id = t.w AND r.status = 'active' AND r.unit_code LIKE $7
       RETURNING worker_id`,
      [
        cycle.id,
        by,
        targets.map((t) => t.id),
        targets.map((t) => t.workerId),
        targets.map((t) => t.kind),
        targets.map((t) => t.description),
        `${cycle.unitCode}%`,
      ],
    );
    return rows.map((r) => r.worker_id);
  }

  async targetsOf(
    cycleId: string,
    workerId: string,
  ): Promise<{ kind: string; description: string; recordedBy: string; createdAt: Date }[]> {
    return this.dataSource.query(
      `SELECT kind, description, recorded_by AS "recordedBy", created_at AS "createdAt" FROM targets WHERE cycle_id = $1 AND worker_id = $2 ORDER BY created_at`,
      [cycleId, workerId],
    );
  }
}
