import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, EventSchemaValidator, InboxConsumer, WorkflowStarter } from '@cwp/platform';
import {
  WORKER_EVENT_TYPES,
  WORKFORCE_WORKERS_TOPIC,
  workerExitedContract,
  workerHiredContract,
  workerTransferredContract,
  type CloudEvent,
  type EventContract,
  type WorkerExitedData,
  type WorkerHiredData,
  type WorkerTransferredData,
} from '@cwp/contracts';
import { TRAINING_SETTINGS, type TrainingSettings } from '../../core';
import type { TraineeRow } from '../trainee.row';
import { TraineesService } from '../trainees.service';
import { PlanWorkflow } from '../workflow/plan-workflow';

type Effect =
  | { kind: 'hired'; row: TraineeRow }
  | { kind: 'transferred'; workerId: string; unitCode: string }
  | { kind: 'exited'; workerId: string; exitedOn: string }
  | null;

/**
 * The workforce service's worker events through the platform inbox (one effect per event id):
 * `hired` adds the worker to the roster and starts the development plan (TRAIN-2) after the commit
 * through the WorkflowStarter; `transferred` moves the worker (the plan follows); `exited` ends the
 * plan (signal). Workflows are touched after the commit only.
 */
@Injectable()
export class WorkforceWorkersHandler implements OnModuleInit {
  private readonly logger = new Logger('TrainingWorkforceWorkersHandler');
  private readonly validator = new EventSchemaValidator();

  constructor(
    private readonly inbox: InboxConsumer,
    private readonly trainees: TraineesService,
    private readonly plans: PlanWorkflow,
    private readonly starter: WorkflowStarter,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  onModuleInit(): void {
    this.inbox.registerEventHandler<unknown, Effect>({
      consumer: this.settings.workersConsumer,
      topic: WORKFORCE_WORKERS_TOPIC,
      types: [WORKER_EVENT_TYPES.hired, WORKER_EVENT_TYPES.transferred, WORKER_EVENT_TYPES.exited],
      handle: (em, event) => this.handle(em, event),
      afterCommit: (effect) => this.afterCommit(effect),
    });
  }

  async handle(em: EntityManager, event: CloudEvent<unknown>): Promise<Effect> {
    if (event.type === WORKER_EVENT_TYPES.hired) {
      const data = this.valid<WorkerHiredData>(workerHiredContract, event);
      const row = data && (await this.trainees.fromHired(em, data));
      return row ? { kind: 'hired', row } : null;
    }
    if (event.type === WORKER_EVENT_TYPES.transferred) {
      const data = this.valid<WorkerTransferredData>(workerTransferredContract, event);
      return data && (await this.trainees.fromTransferred(em, data))
        ? { kind: 'transferred', workerId: data.workerId, unitCode: data.toUnitCode }
        : null;
    }
    const data = this.valid<WorkerExitedData>(workerExitedContract, event);
    return data && (await this.trainees.fromExited(em, data)) ? { kind: 'exited', workerId: data.workerId, exitedOn: data.exitedOn } : null;
  }

  async afterCommit(effect: Effect): Promise<void> {
    if (effect?.kind === 'hired') await this.starter.startAfterCommit(this.plans, effect.row);
    if (effect?.kind === 'transferred') await this.plans.transferred(effect.workerId, effect.unitCode);
    if (effect?.kind === 'exited') await this.plans.exited(effect.workerId, effect.exitedOn);
  }

  /** A contract violation will not heal by retrying: logged, recorded as handled, skipped. */
  private valid<T>(contract: EventContract, event: CloudEvent<unknown>): T | null {
    try {
      this.validator.validate(contract, event.data);
      return event.data as T;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn({ msg: 'worker event does not match its schema; skipped', eventId: event.id, type: event.type, field: error.field });
      return null;
    }
  }
}
