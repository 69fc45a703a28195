import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, EventSchemaValidator, InboxConsumer } from '@cwp/platform';
import {
  WORKER_STATE_EVENT_TYPE,
  WORKFORCE_WORKER_STATE_TOPIC,
  workerStateContract,
  type CloudEvent,
  type WorkerStateData,
} from '@cwp/contracts';
import { PAYROLL_SETTINGS, type PayrollSettings } from '../../core';
import { PayWorkerRepository } from '../pay-worker.repository';

/**
 * Bootstrap of the pay projection for a new deployment: reads the workforce's compacted
 * `cwp.workforce.worker-state` topic from the beginning (the latest state of every worker, exits
 * included) through the platform inbox, and inserts the workers the projection lacks or brings a
 * known one up to a newer state (version guard, exits terminal). Stale states are recorded in
 * projection_misses. It runs beside the event consumer (both are version-guarded, so their order
 * does not matter); the reconciliation report accounts for the rows each wrote. Enabled by
 * PAYROLL_WORKER_STATE_CONSUMER (its Kafka group and inbox key); off when empty.
 */
@Injectable()
export class WorkerStateBootstrapHandler implements OnModuleInit {
  private readonly logger = new Logger(WorkerStateBootstrapHandler.name);
  private readonly validator = new EventSchemaValidator();

  constructor(
    private readonly inbox: InboxConsumer,
    private readonly repository: PayWorkerRepository,
    @Inject(PAYROLL_SETTINGS) private readonly settings: PayrollSettings,
  ) {}

  onModuleInit(): void {
    if (!this.settings.workerStateConsumer) return;
    this.inbox.registerEventHandler<unknown, void>({
      consumer: this.settings.workerStateConsumer,
      topic: WORKFORCE_WORKER_STATE_TOPIC,
      types: [WORKER_STATE_EVENT_TYPE],
      handle: (em, event) => this.apply(em, event),
    });
  }

  /** The effect of one state event (public for the integration spec). */
  async apply(em: EntityManager, event: CloudEvent<unknown>): Promise<void> {
    const workerId = (event.data as { workerId?: unknown } | null)?.workerId;
    const id = typeof workerId === 'string' ? workerId.slice(0, 64) : (event.subject ?? 'unknown');
    try {
      this.validator.validate(workerStateContract, event.data);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`skipped ${event.type} ${event.id}: ${error.field ?? 'data'} is off-contract`);
      await this.repository.recordMiss(em, event.id, event.type, id, `off-contract: ${error.field ?? 'data'}`);
      return;
    }
    await this.repository.rememberState(em, event.data as WorkerStateData);
    if ((await this.repository.applyState(em, event.data as WorkerStateData)) === null)
      await this.repository.recordMiss(em, event.id, event.type, id, 'stale-state');
  }
}
