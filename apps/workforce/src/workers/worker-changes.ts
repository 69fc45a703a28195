import { Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrail, DomainError, OutboxWriter, type ColumnChanges, type OutboxAppend, type Principal } from '@cwp/platform';
import { StaffingPublisher } from '../staffing';
import { WORKER_AUDIT_ENTITY, WORKER_PERSONAL_FIELDS, workerAuditView } from './worker-audit';
import { WorkerRepository } from './worker.repository';
import type { WorkerHistoryEntry, WorkerRow } from './worker.row';

/** One change of a worker: the columns, its history row and the event of the row after it. */
export interface WorkerChangePlan {
  /** Audit action: `update`, `leave`, `return`, `transfer`, `exit`, `promote`. */
  action: string;
  changes: ColumnChanges;
  history: Omit<WorkerHistoryEntry, 'workerId' | 'recordedBy' | 'unitCode'> & { unitCode?: string };
  event: (after: WorkerRow) => OutboxAppend<unknown>;
}

/**
 * Applies a change inside the caller's transaction: the optimistic UPDATE (version in its WHERE,
 * platform `updateWithVersion`), the history row, the audit row (personal fields masked) and the
 * outbox event, so all four commit together or not at all.
 */
@Injectable()
export class WorkerChanges {
  constructor(
    private readonly repository: WorkerRepository,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    // The app's StaffingModule (issue 10); test apps of the roster alone run without it.
    @Optional() private readonly staffing?: StaffingPublisher,
  ) {}

  /**
   * The worker as this transaction sees it. A client-sent `expectedVersion` that is not the
   * current one is a 409 at once (the UPDATE would refuse it anyway); an exited worker is final.
   */
  async current(em: EntityManager, id: string, expectedVersion?: number): Promise<WorkerRow> {
    const row = await this.repository.findById(id, em);
    if (!row) throw DomainError.notFound('Worker', id);
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw DomainError.versionConflict(
        `Worker ${id} was changed by someone else (expected version ${expectedVersion}, it is ${row.version}); reload and retry`,
        {
          table: 'workers',
          id,
          expectedVersion,
          currentVersion: row.version,
        },
      );
    }
    if (row.status === 'exited') {
      throw DomainError.conflict(`Worker ${id} has exited on ${row.exitedOn}; an exited worker's record is final`, {
        id,
        reason: 'WORKER_EXITED',
      });
    }
    return row;
  }

  async apply(em: EntityManager, before: WorkerRow, principal: Principal, plan: WorkerChangePlan): Promise<WorkerRow> {
    await this.repository.update(em, before.id, before.version, plan.changes);
    const after = (await this.repository.findById(before.id, em))!;
    await this.repository.addHistory(em, {
      ...plan.history,
      workerId: after.id,
      unitCode: plan.history.unitCode ?? after.unitCode,
      recordedBy: principal.sub,
    });
    await this.audit.record(
      em,
      {
        action: plan.action,
        entity: WORKER_AUDIT_ENTITY,
        entityId: after.id,
        before: workerAuditView(before),
        after: workerAuditView(after),
        personalFields: WORKER_PERSONAL_FIELDS,
      },
      principal,
    );
    await this.outbox.append(em, plan.event(after));
    // An exit or a transfer changes headcount and vacancies of the units involved.
    if (after.status !== before.status || after.unitCode !== before.unitCode)
      await this.staffing?.publishChanged(em, [...new Set([before.unitCode, after.unitCode])]);
    return after;
  }
}
