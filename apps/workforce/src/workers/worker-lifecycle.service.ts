import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ServiceClock, type Principal } from '@cwp/platform';
import { workerChangedContract, workerExitedContract, workerTransferredContract } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';
import { fitExitCause } from './rules/exit-cause';
import { WorkerAccess } from './worker-access';
import { WorkerChanges } from './worker-changes';
import { workerEventData } from './worker-events';
import { toWorkerResponse, type ExitDto, type LeaveDto, type ReturnDto, type TransferDto, type WorkerResponse } from './worker.dto';
import type { WorkerRow } from './worker.row';

export type ExitResponse = WorkerResponse & { exit: { cause: string; rules: string[]; explanation: Explanation } };

/** Leave of absence and return (the QUOTA-6 on-duty count), transfer (ORG-2) and exit (EXIT-1..3). */
@Injectable()
export class WorkerLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WorkerAccess,
    private readonly changes: WorkerChanges,
    private readonly clock: ServiceClock,
  ) {}

  async leave(id: string, dto: LeaveDto, principal: Principal): Promise<WorkerResponse> {
    await this.access.visible(id, principal, 'leave');
    const today = this.clock.today();
    const startsOn = dto.startsOn ?? today;
    if (dto.expectedReturnOn !== undefined && dto.expectedReturnOn < startsOn)
      throw DomainError.validation('expectedReturnOn', 'expectedReturnOn is before startsOn');
    return this.dataSource.transaction(async (em) => {
      const row = await this.changes.current(em, id, dto.version);
      if (row.status !== 'on-duty')
        throw DomainError.conflict(`Worker ${id} is ${row.status}, not on duty`, { id, status: row.status, reason: 'NOT_ON_DUTY' });
      notBeforeHire(row, startsOn, 'startsOn');
      const after = await this.changes.apply(em, row, principal, {
        action: 'leave',
        changes: { status: 'leave' },
        history: { kind: 'leave', occurredOn: startsOn, details: dto.expectedReturnOn ? { expectedReturnOn: dto.expectedReturnOn } : {} },
        event: (w) => ({ contract: workerChangedContract, key: w.id, data: workerEventData.changed(w, 'leave', ['status'], startsOn) }),
      });
      return toWorkerResponse(after, today);
    });
  }

  async return(id: string, dto: ReturnDto, principal: Principal): Promise<WorkerResponse> {
    await this.access.visible(id, principal, 'return');
    const today = this.clock.today();
    const returnsOn = dto.returnsOn ?? today;
    return this.dataSource.transaction(async (em) => {
      const row = await this.changes.current(em, id, dto.version);
      if (row.status !== 'leave')
        throw DomainError.conflict(`Worker ${id} is ${row.status}, not on leave`, { id, status: row.status, reason: 'NOT_ON_LEAVE' });
      notBeforeHire(row, returnsOn, 'returnsOn');
      const after = await this.changes.apply(em, row, principal, {
        action: 'return',
        changes: { status: 'on-duty' },
        history: { kind: 'returned', occurredOn: returnsOn },
        event: (w) => ({ contract: workerChangedContract, key: w.id, data: workerEventData.changed(w, 'return', ['status'], returnsOn) }),
      });
      return toWorkerResponse(after, today);
    });
  }

  /** ORG-2: both the worker's unit and the destination must lie in the caller's scope (else 404). */
  async transfer(id: string, dto: TransferDto, principal: Principal): Promise<WorkerResponse> {
    await this.access.visible(id, principal, 'transfer');
    await this.access.employingUnit(principal, dto.toUnit, 'toUnit', 'transfer');
    const today = this.clock.today();
    const effectiveOn = dto.effectiveOn ?? today;
    return this.dataSource.transaction(async (em) => {
      const row = await this.changes.current(em, id, dto.version);
      if (row.unitCode === dto.toUnit) throw DomainError.validation('toUnit', `Worker ${id} already works in unit ${dto.toUnit}`);
      notBeforeHire(row, effectiveOn, 'effectiveOn');
      const after = await this.changes.apply(em, row, principal, {
        action: 'transfer',
        changes: { unit_code: dto.toUnit },
        history: { kind: 'transferred', unitCode: dto.toUnit, fromUnitCode: row.unitCode, occurredOn: effectiveOn },
        event: (w) => ({ contract: workerTransferredContract, key: w.id, data: workerEventData.transferred(w, row.unitCode, effectiveOn) }),
      });
      return toWorkerResponse(after, today);
    });
  }

  /** EXIT-1..3: a cause that fits the entry route (ORG-3), explained with its rule IDs. */
  async exit(id: string, dto: ExitDto, principal: Principal): Promise<ExitResponse> {
    const visible = await this.access.visible(id, principal, 'exit');
    const fitted = fitExitCause(visible.entryRoute, dto.cause, dto.facts);
    const today = this.clock.today();
    return this.dataSource.transaction(async (em) => {
      const row = await this.changes.current(em, id, dto.version);
      notBeforeHire(row, dto.effectiveOn, 'effectiveOn');
      const after = await this.changes.apply(em, row, principal, {
        action: 'exit',
        changes: {
          status: 'exited',
          exited_on: dto.effectiveOn,
          exit_cause: fitted.cause,
          exit_explanation: JSON.stringify(fitted.explanation),
        },
        history: {
          kind: 'exited',
          occurredOn: dto.effectiveOn,
          details: { cause: fitted.cause, rules: fitted.rules, entryRoute: row.entryRoute },
        },
        event: (w) => ({ contract: workerExitedContract, key: w.id, data: workerEventData.exited(w, fitted.rules) }),
      });
      return { ...toWorkerResponse(after, today), exit: { cause: fitted.cause, rules: fitted.rules, explanation: fitted.explanation } };
    });
  }
}

function notBeforeHire(row: WorkerRow, date: string, field: string): void {
  if (date < row.hiredOn) throw DomainError.validation(field, `${field} ${date} is before the worker was hired (${row.hiredOn})`);
}
