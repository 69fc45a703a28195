import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { updateReturning } from '../core';
import type { RecordTaskKind, WorkerHiredData } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';
import { RECORD_TASK_COLUMNS, WORKER_RECORD_COLUMNS, type RecordTaskRow, type WorkerRecordRow } from './record.row';

const OPEN = `status IN ('open', 'reminded', 'escalated')`;

/** All SQL of worker records and their tasks; writes take the caller's EntityManager. */
@Injectable()
export class RecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(workerId: string, em: EntityManager = this.dataSource.manager): Promise<WorkerRecordRow | undefined> {
    const rows: WorkerRecordRow[] = await em.query(`SELECT ${WORKER_RECORD_COLUMNS} FROM worker_records WHERE worker_id = $1`, [workerId]);
    return rows[0];
  }

  /** Inserts the record of a hired worker; a redelivered or replayed hire changes nothing. */
  async insertHired(em: EntityManager, data: WorkerHiredData): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO worker_records (worker_id, unit_code, entry_route, hired_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (worker_id) DO NOTHING RETURNING worker_id`,
      [data.workerId, data.unitCode, data.entryRoute, data.hiredOn],
    );
    return rows.length === 1;
  }

  async moveUnit(em: EntityManager, workerId: string, unitCode: string): Promise<boolean> {
    const rows = await updateReturning<unknown>(
      em,
      `UPDATE worker_records SET unit_code = $2, version = version + 1, updated_at = now() WHERE worker_id = $1 AND status = 'active' RETURNING worker_id`,
      [workerId, unitCode],
    );
    return rows.length === 1;
  }

  async markExited(em: EntityManager, workerId: string, exitedOn: string): Promise<boolean> {
    const rows = await updateReturning<unknown>(
      em,
      `UPDATE worker_records SET status = 'exited', exited_on = $2, version = version + 1, updated_at = now() WHERE worker_id = $1 AND status = 'active' RETURNING worker_id`,
      [workerId, exitedOn],
    );
    return rows.length === 1;
  }

  async markWorkflowStarted(workerIds: readonly string[]): Promise<void> {
    if (workerIds.length === 0) return;
    await this.dataSource.query(
      `UPDATE worker_records SET workflow_started_at = now() WHERE worker_id = ANY($1::text[]) AND workflow_started_at IS NULL`,
      [workerIds],
    );
  }

  /** Active workers whose record workflow a crash or an outage left unstarted. */
  async withoutWorkflow(limit: number): Promise<WorkerRecordRow[]> {
    return this.dataSource.query(
      `SELECT ${WORKER_RECORD_COLUMNS} FROM worker_records WHERE workflow_started_at IS NULL AND status = 'active' ORDER BY worker_id LIMIT $1`,
      [limit],
    );
  }

  async findTask(taskId: string, em: EntityManager = this.dataSource.manager): Promise<RecordTaskRow | undefined> {
    const rows: RecordTaskRow[] = await em.query(`SELECT ${RECORD_TASK_COLUMNS} FROM record_tasks WHERE id = $1`, [taskId]);
    return rows[0];
  }

  async tasksOf(workerId: string): Promise<RecordTaskRow[]> {
    return this.dataSource.query(`SELECT ${RECORD_TASK_COLUMNS} FROM record_tasks WHERE worker_id = $1 ORDER BY year, created_at`, [
      workerId,
    ]);
  }

  /** Tasks within a scope (unit prefix), optionally only open ones; newest first, bounded. */
  async tasksWithin(prefix: string, onlyOpen: boolean, limit: number): Promise<RecordTaskRow[]> {
    return this.dataSource.query(
      `SELECT ${RECORD_TASK_COLUMNS} FROM record_tasks WHERE unit_code LIKE $1 ${onlyOpen ? `AND ${OPEN}` : ''} ORDER BY due_on, id LIMIT $2`,
      [`${prefix}%`, limit],
    );
  }

  /** Idempotent on the workflow-generated id: a retried activity inserts nothing twice. */
  async insertTask(
    em: EntityManager,
    task: { id: string; workerId: string; unitCode: string; kind: RecordTaskKind; year: number; dueOn: string; explanation: Explanation },
  ): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO record_tasks (id, worker_id, unit_code, kind, year, due_on, explanation) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [task.id, task.workerId, task.unitCode, task.kind, task.year, task.dueOn, JSON.stringify(task.explanation)],
    );
    return rows.length === 1;
  }

  /** Moves an open task on; returns the row after the change, or undefined when it was no longer open. */
  async updateOpenTask(em: EntityManager, taskId: string, set: string, params: unknown[]): Promise<RecordTaskRow | undefined> {
    const rows = await updateReturning<RecordTaskRow>(
      em,
      `UPDATE record_tasks SET ${set}, version = version + 1, updated_at = now() WHERE id = $1 AND ${OPEN} RETURNING ${RECORD_TASK_COLUMNS}`,
      [taskId, ...params],
    );
    return rows[0];
  }

  async markExitTriggered(em: EntityManager, taskId: string): Promise<boolean> {
    const rows = await updateReturning<unknown>(
      em,
      `UPDATE record_tasks SET exit_triggered_at = now(), version = version + 1, updated_at = now() WHERE id = $1 AND exit_triggered_at IS NULL RETURNING id`,
      [taskId],
    );
    return rows.length === 1;
  }
}
