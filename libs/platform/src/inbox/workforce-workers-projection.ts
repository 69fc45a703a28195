import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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
import { DomainError } from '../errors';
import { EventSchemaValidator } from '../outbox/schema-validator';
import type { InboxConsumer } from './inbox-consumer';

/**
 * A service's own roster of workers, projected from the workforce service's worker events. Each
 * write runs in the inbox transaction (one effect per event id) and says whether it changed
 * anything; the `after…` steps (a workflow start or signal) run after the commit, only then.
 */
export interface WorkforceWorkersProjection<Row> {
  /** Adds the hired worker; the row it wrote, or null when it was already there. */
  hired(em: EntityManager, data: WorkerHiredData): Promise<Row | null>;
  /** Moves the worker (ORG-2: what the service keeps of the worker follows them); false when unknown or unchanged. */
  transferred(em: EntityManager, data: WorkerTransferredData): Promise<boolean>;
  /** Ends the worker's row; false when unknown or already ended. */
  exited(em: EntityManager, data: WorkerExitedData): Promise<boolean>;
  afterHired(row: Row): Promise<unknown>;
  afterTransferred(data: WorkerTransferredData): Promise<unknown>;
  afterExited(data: WorkerExitedData): Promise<unknown>;
}

type Effect<Row> =
  { kind: 'hired'; row: Row } | { kind: 'transferred'; data: WorkerTransferredData } | { kind: 'exited'; data: WorkerExitedData } | null;

const validator = new EventSchemaValidator();

/**
 * Registers `projection` for `cwp.workforce.worker.{hired,transferred,exited}` with the inbox under
 * `consumer` (its Kafka group). An event that breaks its contract will not heal by retrying: it
 * is logged (ids and the field only), recorded as handled and skipped.
 */
export function projectWorkforceWorkers<Row>(inbox: InboxConsumer, consumer: string, projection: WorkforceWorkersProjection<Row>): void {
  const logger = new Logger(`WorkforceWorkers:${consumer}`);
  const valid = <T>(contract: EventContract, event: CloudEvent<unknown>): T | null => {
    try {
      validator.validate(contract, event.data);
      return event.data as T;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      logger.warn({ msg: 'worker event does not match its schema; skipped', eventId: event.id, type: event.type, field: error.field });
      return null;
    }
  };

  inbox.registerEventHandler<unknown, Effect<Row>>({
    consumer,
    topic: WORKFORCE_WORKERS_TOPIC,
    types: [WORKER_EVENT_TYPES.hired, WORKER_EVENT_TYPES.transferred, WORKER_EVENT_TYPES.exited],
    async handle(em, event) {
      if (event.type === WORKER_EVENT_TYPES.hired) {
        const data = valid<WorkerHiredData>(workerHiredContract, event);
        const row = data && (await projection.hired(em, data));
        return row ? { kind: 'hired', row } : null;
      }
      if (event.type === WORKER_EVENT_TYPES.transferred) {
        const data = valid<WorkerTransferredData>(workerTransferredContract, event);
        return data && (await projection.transferred(em, data)) ? { kind: 'transferred', data } : null;
      }
      const data = valid<WorkerExitedData>(workerExitedContract, event);
      return data && (await projection.exited(em, data)) ? { kind: 'exited', data } : null;
    },
    async afterCommit(effect) {
      if (effect?.kind === 'hired') await projection.afterHired(effect.row);
      if (effect?.kind === 'transferred') await projection.afterTransferred(effect.data);
      if (effect?.kind === 'exited') await projection.afterExited(effect.data);
    },
  });
}
