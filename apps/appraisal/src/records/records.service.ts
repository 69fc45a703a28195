import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  exitTriggeredContract,
  taskEscalatedContract,
  taskOpenedContract,
  type WorkerExitedData,
  type WorkerHiredData,
  type WorkerTransferredData,
} from '@cwp/contracts';
import {
  AuditTrail,
  DomainError,
  OrgUnitDirectory,
  OutboxWriter,
  SYSTEM_PRINCIPAL,
  ServiceClock,
  WorkflowStarter,
  type Principal,
} from '@cwp/platform';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ExitNoticeDecisionInput, OpenTaskInput, TriggerExitInput } from '@cwp/appraisal-workflows';
import { AppraisalError, temporalUnavailable } from '../core';
import { RecordAccess } from './record-access';
import { recordEventData, taskAuditView } from './record-event-data';
import { RecordRepository } from './record.repository';
import type { RecordTaskRow, WorkerRecordRow } from './record.row';
import type { DecideNoticeDto, TaskDoneDto } from './record.dto';
import { RecordWorkflow } from './workflow/record-workflow';
import { RecordWorkflows } from './workflow/record-workflows';

const TASK_ENTITY = 'appraisal_task';

/**
 * The per-worker performance record: its projection of workforce events, the activities of its
 * workflow (tasks, escalation, exit trigger) and the street's actions on tasks. Commands commit
 * row + audit + outbox together; workflows are started or signalled after the commit.
 */
@Injectable()
export class RecordsService {
  private readonly logger = new Logger('RecordsService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RecordRepository,
    private readonly access: RecordAccess,
    private readonly workflows: RecordWorkflows,
    private readonly recordWorkflow: RecordWorkflow,
    private readonly starter: WorkflowStarter,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    private readonly directory: OrgUnitDirectory,
    private readonly clock: ServiceClock,
  ) {}

  // ---- workforce events (inside the inbox transaction) -------------------------------------

  /** A hired worker gets a record; the caller starts its workflow after the commit. */
  async fromHired(em: EntityManager, data: WorkerHiredData): Promise<WorkerRecordRow | null> {
    if (!(await this.repository.insertHired(em, data))) return null;
    return (await this.repository.find(data.workerId, em))!;
  }

  async fromTransferred(em: EntityManager, data: WorkerTransferredData): Promise<boolean> {
    return this.repository.moveUnit(em, data.workerId, data.toUnitCode);
  }

  async fromExited(em: EntityManager, data: WorkerExitedData): Promise<boolean> {
    return this.repository.markExited(em, data.workerId, data.exitedOn);
  }

  /** After the commit: each record's workflow through the platform WorkflowStarter (deferred to the reconciler when Temporal is down). */
  async startWorkflows(rows: readonly WorkerRecordRow[]): Promise<void> {
    for (const row of rows) await this.starter.startAfterCommit(this.recordWorkflow, row);
  }

  // ---- activities of the record workflow ---------------------------------------------------

  async openTask(input: OpenTaskInput): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const inserted = await this.repository.insertTask(em, {
        id: input.taskId,
        workerId: input.workerId,
        unitCode: input.unitCode,
        kind: input.kind,
        year: input.year,
        dueOn: input.dueOn,
        explanation: input.explanation,
      });
      if (!inserted) return;
      const task = (await this.repository.findTask(input.taskId, em))!;
      await this.audit.record(
        em,
        { action: 'open', entity: TASK_ENTITY, entityId: task.id, before: {}, after: taskAuditView(task) },
        SYSTEM_PRINCIPAL,
      );
      await this.outbox.append(em, { contract: taskOpenedContract, key: task.workerId, data: recordEventData.taskOpened(task) });
    });
  }

  async remindTask(taskId: string): Promise<{ reminded: boolean }> {
    return this.dataSource.transaction(async (em) => {
      const task = await this.repository.updateOpenTask(
        em,
        taskId,
        `status = CASE WHEN status = 'open' THEN 'reminded' ELSE status END, reminded_at = now()`,
        [],
      );
      if (task) this.logger.log({ msg: 'record task overdue: street reminded', taskId, kind: task.kind, unitCode: task.unitCode });
      return { reminded: task !== undefined };
    });
  }

  /** ORG-2: an overdue task goes to the district above the worker's unit. */
  async escalateTask(taskId: string): Promise<{ escalated: boolean; escalatedTo: string | null }> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.repository.findTask(taskId, em);
      if (!current) return { escalated: false, escalatedTo: null };
      const district = this.districtOf(current.unitCode);
      const before = taskAuditView(current);
      const task = await this.repository.updateOpenTask(em, taskId, `status = 'escalated', escalated_to = $2, escalated_at = now()`, [
        district,
      ]);
      if (!task) return { escalated: false, escalatedTo: null };
      await this.audit.record(
        em,
        { action: 'escalate', entity: TASK_ENTITY, entityId: taskId, before, after: taskAuditView(task) },
        SYSTEM_PRINCIPAL,
      );
      await this.outbox.append(em, { contract: taskEscalatedContract, key: task.workerId, data: recordEventData.taskEscalated(task) });
      return { escalated: true, escalatedTo: district };
    });
  }

  async cancelTask(taskId: string, reason: string): Promise<{ cancelled: boolean }> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.repository.findTask(taskId, em);
      const task = current && (await this.repository.updateOpenTask(em, taskId, `status = 'cancelled', cancel_reason = $2`, [reason]));
      if (!current || !task) return { cancelled: false };
      await this.audit.record(
        em,
        {
          action: 'cancel',
          entity: TASK_ENTITY,
          entityId: taskId,
          before: taskAuditView(current),
          after: { ...taskAuditView(task), cancelReason: reason },
        },
        SYSTEM_PRINCIPAL,
      );
      return { cancelled: true };
    });
  }

  /** EXIT-3 notice: the street's decision (row + audit, as the operator who decided). */
  async decideExitNotice(input: ExitNoticeDecisionInput): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const current = await this.repository.findTask(input.taskId, em);
      const status = input.decision === 'confirm' ? 'done' : 'contested';
      const task =
        current &&
        (await this.repository.updateOpenTask(em, input.taskId, `status = $2, effective_on = $3, decided_by = $4`, [
          status,
          input.effectiveOn,
          input.decidedBy.sub,
        ]));
      if (!current || !task) return;
      const principal: Principal = {
        sub: input.decidedBy.sub,
        role: input.decidedBy.role as Principal['role'],
        unit: input.decidedBy.unit,
      };
      await this.audit.record(
        em,
        { action: input.decision, entity: TASK_ENTITY, entityId: task.id, before: taskAuditView(current), after: taskAuditView(task) },
        principal,
      );
    });
  }

  /** EXIT-3 cause 1: `exit.triggered` once per notice; the workforce service ends the contract. */
  async triggerExit(input: TriggerExitInput): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.markExitTriggered(em, input.taskId))) return;
      const task = (await this.repository.findTask(input.taskId, em))!;
      await this.outbox.append(em, {
        contract: exitTriggeredContract,
        key: task.workerId,
        data: recordEventData.exitTriggered(task, input.appraisals, input.effectiveOn),
      });
    });
  }

  // ---- API ---------------------------------------------------------------------------------

  async record(workerId: string, principal: Principal): Promise<{ record: WorkerRecordRow; tasks: RecordTaskRow[] }> {
    const record = await this.access.visible(workerId, principal, 'read');
    return { record, tasks: await this.repository.tasksOf(workerId) };
  }

  async tasks(principal: Principal, unit: string | undefined, onlyOpen: boolean): Promise<RecordTaskRow[]> {
    const scope = unit ?? (principal.role === 'city' || principal.role === 'system' ? '31' : principal.unit);
    if (unit) await this.access.listableUnit(principal, unit, 'unit');
    return this.repository.tasksWithin(scope, onlyOpen, 500);
  }

  /** APPR-5: the street records when and by whom the admonishment talk (or adjustment) was held. */
  async markDone(workerId: string, taskId: string, dto: TaskDoneDto, principal: Principal): Promise<RecordTaskRow> {
    const { task: current } = await this.access.visibleTask(workerId, taskId, principal, 'task-done');
    if (current.kind === 'exit-notice')
      throw DomainError.validation('taskId', 'An exit notice is decided (confirm or contest), not marked done');
    const heldOn = dto.heldOn ?? this.clock.today();
    const task = await this.dataSource.transaction(async (em) => {
      const after = await this.repository.updateOpenTask(em, taskId, `status = 'done', held_on = $2, done_by = $3, note = $4`, [
        heldOn,
        principal.sub,
        dto.note ?? null,
      ]);
      if (!after)
        throw new DomainError(AppraisalError.TASK_NOT_OPEN, `Task ${taskId} is ${current.status}, not open`, {
          details: { taskId, status: current.status },
        });
      await this.audit.record(
        em,
        { action: 'task-done', entity: TASK_ENTITY, entityId: taskId, before: taskAuditView(current), after: taskAuditView(after) },
        principal,
      );
      return after;
    });
    await this.workflows.taskDone(workerId, taskId);
    return task;
  }

  /** EXIT-3: the street confirms or contests the notice, through the record workflow (a Temporal update). */
  async decideNotice(workerId: string, taskId: string, dto: DecideNoticeDto, principal: Principal): Promise<RecordTaskRow> {
    const { task } = await this.access.visibleTask(workerId, taskId, principal, 'exit-notice');
    if (task.kind !== 'exit-notice') throw DomainError.validation('taskId', `Task ${taskId} is a ${task.kind}, not an exit notice`);
    if (!['open', 'reminded', 'escalated'].includes(task.status)) {
      throw new DomainError(AppraisalError.TASK_NOT_OPEN, `The exit notice is ${task.status}`, {
        details: { taskId, status: task.status },
      });
    }
    const effectiveOn = dto.effectiveOn ?? this.clock.today();
    try {
      await this.workflows.decideNotice(workerId, {
        taskId,
        decision: dto.decision,
        effectiveOn,
        decidedBy: { sub: principal.sub, role: principal.role, unit: principal.unit },
      });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError)
        throw new DomainError(AppraisalError.TASK_NOT_OPEN, `The exit notice cannot be decided: ${error.cause?.message ?? error.message}`, {
          details: { taskId },
        });
      throw temporalUnavailable(error, `The exit notice ${taskId}`) ?? error;
    }
    return (await this.repository.findTask(taskId))!;
  }

  /** The district an escalation goes to must exist in the org tree (defensive: codes come from events). */
  districtOf(unitCode: string): string {
    return this.directory.ancestorsOf(unitCode).find((u) => u.kind === 'district')?.code ?? unitCode.slice(0, 6);
  }
}
