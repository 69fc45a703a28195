import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, EventSchemaValidator, InboxConsumer } from '@cwp/platform';
import {
  WORKER_EVENT_TYPES,
  WORKFORCE_WORKERS_TOPIC,
  workforceWorkerEventContracts,
  type CloudEvent,
  type WorkerChangedData,
  type WorkerExitedData,
  type WorkerHiredData,
  type WorkerTransferredData,
} from '@cwp/contracts';
import { PAYROLL_SETTINGS, type PayrollSettings } from '../../core';
import { PayWorkerRepository } from '../pay-worker.repository';

/**
 * Builds the pay-relevant projection (post category and level, title, entry date, unit, status)
 * from `cwp.workforce.workers` through the platform inbox: one effect per event id, in the inbox
 * transaction. An event that changes nothing (unknown worker, stale version, off-contract data)
 * is recorded in projection_misses and never blocks the partition; the reconciliation report
 * counts them. Consumer group: PAYROLL_WORKERS_CONSUMER (default `payroll-workers`).
 */
@Injectable()
export class WorkforceWorkersHandler implements OnModuleInit {
  private readonly logger = new Logger(WorkforceWorkersHandler.name);
  private readonly validator = new EventSchemaValidator();
  private readonly contracts = new Map(workforceWorkerEventContracts.map((c) => [c.type, c]));

  constructor(
    private readonly inbox: InboxConsumer,
    private readonly repository: PayWorkerRepository,
    @Inject(PAYROLL_SETTINGS) private readonly settings: PayrollSettings,
  ) {}

  onModuleInit(): void {
    this.inbox.registerEventHandler<unknown, void>({
      consumer: this.settings.workersConsumer,
      topic: WORKFORCE_WORKERS_TOPIC,
      types: Object.values(WORKER_EVENT_TYPES),
      handle: (em, event) => this.apply(em, event),
    });
  }

  /** The effect of one event (public for the integration spec, which drives it without Kafka too). */
  async apply(em: EntityManager, event: CloudEvent<unknown>): Promise<void> {
    const workerId = (event.data as { workerId?: unknown } | null)?.workerId;
    const id = typeof workerId === 'string' ? workerId.slice(0, 64) : (event.subject ?? 'unknown');
    try {
      this.validator.validate(this.contracts.get(event.type)!, event.data);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`skipped ${event.type} ${event.id}: ${error.field ?? 'data'} is off-contract`);
      await this.repository.recordMiss(em, event.id, event.type, id, `off-contract: ${error.field ?? 'data'}`);
      return;
    }
    const applied = await this.applyValid(em, event);
    if (!applied)
      await this.repository.recordMiss(
        em,
        event.id,
        event.type,
        id,
        event.type === WORKER_EVENT_TYPES.hired ? 'already-projected' : 'unknown-or-stale',
      );
  }

  private applyValid(em: EntityManager, event: CloudEvent<unknown>): Promise<boolean> {
    switch (event.type) {
      case WORKER_EVENT_TYPES.hired:
        return this.repository.insertHired(em, event.data as WorkerHiredData);
      case WORKER_EVENT_TYPES.changed:
        return this.repository.applyChanged(em, event.data as WorkerChangedData);
      case WORKER_EVENT_TYPES.transferred:
        return this.repository.applyTransferred(em, event.data as WorkerTransferredData);
      case WORKER_EVENT_TYPES.exited:
        return this.repository.applyExited(em, event.data as WorkerExitedData);
      default:
        return Promise.resolve(false);
    }
  }
}
