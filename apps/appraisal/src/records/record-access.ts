import { Injectable } from '@nestjs/common';
import { DomainError, Jurisdiction, type Principal } from '@cwp/platform';
import { RecordRepository } from './record.repository';
import type { RecordTaskRow, WorkerRecordRow } from './record.row';

export const RECORD_ENTITY = 'appraisal_record';
const WORKER_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Who may see or act on a worker's performance record (ORG-2), deny by default: a worker outside
 * the caller's subtree is NOT_FOUND exactly like a missing one, and the denial is audited.
 */
@Injectable()
export class RecordAccess {
  constructor(
    private readonly repository: RecordRepository,
    private readonly jurisdiction: Jurisdiction,
  ) {}

  async visible(workerId: string, principal: Principal, action: string): Promise<WorkerRecordRow> {
    const row = WORKER_ID.test(workerId) ? await this.repository.find(workerId) : undefined;
    if (!row) throw DomainError.notFound(RECORD_ENTITY, workerId);
    await this.jurisdiction.assertWithin(principal, row.unitCode, { entity: RECORD_ENTITY, entityId: workerId, action });
    return row;
  }

  /** A task of a visible worker; a task of another worker is NOT_FOUND. */
  async visibleTask(
    workerId: string,
    taskId: string,
    principal: Principal,
    action: string,
  ): Promise<{ record: WorkerRecordRow; task: RecordTaskRow }> {
    const record = await this.visible(workerId, principal, action);
    const task = /^[0-9a-f-]{36}$/i.test(taskId) ? await this.repository.findTask(taskId) : undefined;
    if (!task || task.workerId !== workerId) throw DomainError.notFound('appraisal_task', taskId);
    return { record, task };
  }

  /** A unit used as a list filter: in scope, else 404 on `field` (audited). */
  async listableUnit(principal: Principal, unitCode: string, field: string): Promise<void> {
    await this.jurisdiction.assertUnitAccessible(principal, unitCode, field, 'list');
  }
}
