import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkerHiredData } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';
import { updateReturning } from '../core';
import { TRAINEE_COLUMNS, type FourOneRow, type MilestoneRow, type TraineeRow } from './trainee.row';

/** All SQL of the roster and the development plans; writes take the caller's EntityManager. */
@Injectable()
export class TraineeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(workerId: string, em: EntityManager = this.dataSource.manager): Promise<TraineeRow | undefined> {
    const rows: TraineeRow[] = await em.query(`SELECT ${TRAINEE_COLUMNS} FROM trainees WHERE worker_id = $1`, [workerId]);
    return rows[0];
  }

  /** The hired worker's row; a redelivered or replayed hire returns undefined and changes nothing. */
  async insertHired(em: EntityManager, data: WorkerHiredData): Promise<TraineeRow | undefined> {
    const rows: TraineeRow[] = await em.query(
      `INSERT INTO trainees (worker_id, unit_code, hired_on) VALUES ($1, $2, $3)
       ON CONFLICT (worker_id) DO NOTHING RETURNING ${TRAINEE_COLUMNS}`,
      [data.workerId, data.unitCode, data.hiredOn],
    );
    return rows[0];
  }

  async moveUnit(em: EntityManager, workerId: string, unitCode: string): Promise<boolean> {
    const rows = await updateReturning<unknown>(
      em,
      `UPDATE trainees SET unit_code = $2, version = version + 1, updated_at = now() WHERE worker_id = $1 AND status = 'active' RETURNING worker_id`,
      [workerId, unitCode],
    );
    return rows.length === 1;
  }

  async markExited(em: EntityManager, workerId: string, exitedOn: string): Promise<boolean> {
    const rows = await updateReturning<unknown>(
      em,
      `UPDATE trainees SET status = 'exited', exited_on = $2, version = version + 1, updated_at = now()
       WHERE worker_id = $1 AND status = 'active' RETURNING worker_id`,
      [workerId, exitedOn],
    );
    return rows.length === 1;
  }

  async setEducation(em: EntityManager, workerId: string, education: string): Promise<void> {
    await em.query(`UPDATE trainees SET education = $2, version = version + 1, updated_at = now() WHERE worker_id = $1`, [
      workerId,
      education,
    ]);
  }

  async closePlan(workerId: string, reason: 'exited' | 'completed'): Promise<void> {
    await this.dataSource.query(`UPDATE trainees SET plan_status = $2, updated_at = now() WHERE worker_id = $1 AND plan_status = 'open'`, [
      workerId,
      reason,
    ]);
  }

  async markWorkflowStarted(workerId: string): Promise<void> {
    await this.dataSource.query(`UPDATE trainees SET workflow_started_at = now() WHERE worker_id = $1 AND workflow_started_at IS NULL`, [
      workerId,
    ]);
  }

  /** Open plans whose workflow a crash or an outage left unstarted. */
  async withoutWorkflow(limit: number): Promise<TraineeRow[]> {
    return this.dataSource.query(
      `SELECT ${TRAINEE_COLUMNS} FROM trainees WHERE workflow_started_at IS NULL AND plan_status = 'open' ORDER BY worker_id LIMIT $1`,
      [limit],
    );
  }

  async fourOnes(workerId: string, em: EntityManager = this.dataSource.manager): Promise<FourOneRow[]> {
    return em.query(
      `SELECT item, to_char(done_on, 'YYYY-MM-DD') AS "doneOn", evidence, recorded_by AS "recordedBy" FROM four_ones WHERE worker_id = $1 ORDER BY done_on, item`,
      [workerId],
    );
  }

  /** Records (or corrects) the evidence of one of the four ones. */
  async upsertFourOne(em: EntityManager, workerId: string, row: FourOneRow): Promise<void> {
    await em.query(
      `INSERT INTO four_ones (worker_id, item, done_on, evidence, recorded_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (worker_id, item) DO UPDATE SET done_on = EXCLUDED.done_on, evidence = EXCLUDED.evidence,
         recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
      [workerId, row.item, row.doneOn, row.evidence, row.recordedBy],
    );
  }

  /** One reminder per worker and round (a retried activity inserts nothing twice). */
  async insertReminder(em: EntityManager, workerId: string, round: number, dueBy: string, missing: string[]): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO plan_reminders (worker_id, round, due_by, missing) VALUES ($1, $2, $3, $4::text[]) ON CONFLICT DO NOTHING RETURNING round`,
      [workerId, round, dueBy, missing],
    );
    return rows.length === 1;
  }

  async reminders(workerId: string): Promise<{ round: number; dueBy: string; missing: string[] }[]> {
    return this.dataSource.query(
      `SELECT round, to_char(due_by, 'YYYY-MM-DD') AS "dueBy", missing FROM plan_reminders WHERE worker_id = $1 ORDER BY round`,
      [workerId],
    );
  }

  async findMilestone(em: EntityManager, workerId: string, milestone: string): Promise<MilestoneRow | undefined> {
    const rows: MilestoneRow[] = await em.query(
      `SELECT milestone, to_char(on_date, 'YYYY-MM-DD') AS "on", met, missing, explanation FROM plan_milestones WHERE worker_id = $1 AND milestone = $2`,
      [workerId, milestone],
    );
    return rows[0];
  }

  async insertMilestone(em: EntityManager, workerId: string, m: MilestoneRow & { explanation: Explanation }): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO plan_milestones (worker_id, milestone, on_date, met, missing, explanation) VALUES ($1, $2, $3, $4, $5::text[], $6::jsonb)
       ON CONFLICT DO NOTHING RETURNING milestone`,
      [workerId, m.milestone, m.on, m.met, m.missing, JSON.stringify(m.explanation)],
    );
    return rows.length === 1;
  }

  async milestones(workerId: string): Promise<MilestoneRow[]> {
    return this.dataSource.query(
      `SELECT milestone, to_char(on_date, 'YYYY-MM-DD') AS "on", met, missing, explanation FROM plan_milestones WHERE worker_id = $1 ORDER BY on_date`,
      [workerId],
    );
  }

  /** Years (before `year`) in which the worker was judged short (TRAIN-3/4), for the maturity milestone. */
  async shortYears(workerId: string, fromYear: number, toYear: number): Promise<number[]> {
    const rows: { year: number }[] = await this.dataSource.query(
      `SELECT year FROM compliance_results WHERE worker_id = $1 AND year BETWEEN $2 AND $3 AND NOT compliant ORDER BY year`,
      [workerId, fromYear, toYear],
    );
    return rows.map((r) => r.year);
  }
}
