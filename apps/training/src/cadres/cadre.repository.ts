import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { likePrefixPattern } from '@cwp/platform';
import { updateReturning } from '../core';
import { CADRE_COLUMNS, CADRE_REVIEW_COLUMNS, type CadreReviewRow, type CadreRow, type CadreStatus } from './cadre.row';

/** All SQL of reserve cadres (REC-8) and their yearly reviews. */
@Injectable()
export class CadreRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** false when the worker already has an open candidacy for that post. */
  async insert(em: EntityManager, row: CadreRow): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO reserve_cadres (id, worker_id, unit_code, target_role, status, reason, plan_objectives, eligibility, nominated_by, nominated_on)
       VALUES ($1, $2, $3, $4, 'nominated', $5, $6::text[], $7::jsonb, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
      [
        row.id,
        row.workerId,
        row.unitCode,
        row.targetRole,
        row.reason,
        row.planObjectives,
        JSON.stringify(row.eligibility),
        row.nominatedBy,
        row.nominatedOn,
      ],
    );
    return rows.length === 1;
  }

  async find(id: string, em: EntityManager = this.dataSource.manager): Promise<CadreRow | undefined> {
    const rows: CadreRow[] = await em.query(`SELECT ${CADRE_COLUMNS} FROM reserve_cadres WHERE id = $1`, [id]);
    return rows[0];
  }

  /** The candidacies held inside `unitCode` (a prefix), optionally of one status, newest first. */
  async list(unitCode: string, status: CadreStatus | undefined, limit: number): Promise<CadreRow[]> {
    return this.dataSource.query(
      `SELECT ${CADRE_COLUMNS} FROM reserve_cadres WHERE unit_code LIKE $1 AND ($2::text IS NULL OR status = $2)
       ORDER BY nominated_on DESC, id LIMIT $3`,
      [likePrefixPattern(unitCode), status ?? null, limit],
    );
  }

  /** Moves a candidacy from `from` to `to` if it is still there (false: someone decided first). */
  async decide(
    em: EntityManager,
    id: string,
    from: CadreStatus,
    to: CadreStatus,
    by: string,
    on: string,
    note: string | null,
  ): Promise<boolean> {
    const rows = await updateReturning(
      em,
      `UPDATE reserve_cadres SET status = $3, decided_by = coalesce($4, decided_by), decided_on = coalesce($5::date, decided_on),
         decision_note = coalesce($6, decision_note), version = version + 1
       WHERE id = $1 AND status = $2 RETURNING id`,
      [id, from, to, by, on, note],
    );
    return rows.length === 1;
  }

  /**
   * The worker left (REC-8): every open candidacy of theirs (nominated or confirmed) ends as
   * `exited` in one statement; returns them (ids, worker, unit, target role: what the events carry).
   */
  async endForExit(em: EntityManager, workerId: string, exitedOn: string): Promise<CadreRow[]> {
    return updateReturning<CadreRow>(
      em,
      `UPDATE reserve_cadres SET status = 'exited', decided_by = 'system', decided_on = $2::date, decision_note = 'the worker left',
         version = version + 1
       WHERE worker_id = $1 AND status IN ('nominated', 'confirmed')
       RETURNING ${CADRE_COLUMNS}`,
      [workerId, exitedOn],
    );
  }

  /** Ids of the worker's candidacies ended by their exit (their workflows are told after the commit). */
  async exitedOf(workerId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM reserve_cadres WHERE worker_id = $1 AND status = 'exited'`, [
      workerId,
    ]);
    return rows.map((r) => r.id);
  }

  /** Opens review `round` once (a retried activity writes nothing twice). */
  async openReview(em: EntityManager, id: string, round: number, dueOn: string): Promise<void> {
    await em.query(`INSERT INTO reserve_cadre_reviews (cadre_id, round, due_on) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      id,
      round,
      dueOn,
    ]);
  }

  /** Decides the open review of the cadre (the latest undecided round); false when none is open. */
  async decideReview(
    em: EntityManager,
    id: string,
    outcome: 'kept' | 'removed',
    note: string,
    explanation: unknown,
    by: string,
    on: string,
  ): Promise<CadreReviewRow | undefined> {
    const rows = await updateReturning<CadreReviewRow>(
      em,
      `UPDATE reserve_cadre_reviews SET outcome = $2, note = $3, explanation = $4::jsonb, reviewed_by = $5, reviewed_on = $6
       WHERE cadre_id = $1 AND round = (SELECT max(round) FROM reserve_cadre_reviews WHERE cadre_id = $1) AND outcome IS NULL
       RETURNING ${CADRE_REVIEW_COLUMNS}`,
      [id, outcome, note, JSON.stringify(explanation), by, on],
    );
    return rows[0];
  }

  async hasOpenReview(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM reserve_cadre_reviews WHERE cadre_id = $1 AND outcome IS NULL LIMIT 1`,
      [id],
    );
    return rows.length === 1;
  }

  async reviews(id: string): Promise<CadreReviewRow[]> {
    return this.dataSource.query(`SELECT ${CADRE_REVIEW_COLUMNS} FROM reserve_cadre_reviews WHERE cadre_id = $1 ORDER BY round`, [id]);
  }

  /** The worker's certificate kinds (TRAIN-8, recorded by this service). */
  async certificates(workerId: string): Promise<string[]> {
    const rows: { kind: string }[] = await this.dataSource.query(`SELECT kind FROM certificates WHERE worker_id = $1 ORDER BY kind`, [
      workerId,
    ]);
    return rows.map((r) => r.kind);
  }

  withoutWorkflow(limit: number): Promise<CadreRow[]> {
    return this.dataSource.query(
      `SELECT ${CADRE_COLUMNS} FROM reserve_cadres WHERE status = 'confirmed' AND workflow_started_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
  }

  async markWorkflowStarted(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE reserve_cadres SET workflow_started_at = now() WHERE id = $1 AND workflow_started_at IS NULL`, [
      id,
    ]);
  }
}
