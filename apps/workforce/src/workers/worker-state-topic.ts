import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { workerStateContract, type WorkerStateData } from '@cwp/contracts';
import { KAFKA_CLIENT, OutboxWriter, StateTopicSweep, cfg, defineServiceConfig, type StatePublication } from '@cwp/platform';
import { WORKER_COLUMNS, type WorkerRow } from './worker.row';

/** How often changed workers are published on the state topic (0 = at start-up only). */
export const workerStateConfig = defineServiceConfig('workforce-worker-state', {
  WORKFORCE_WORKER_STATE_SWEEP_SECONDS: cfg.int({ default: 2, min: 0, max: 3_600 }),
});

/** Each worker's latest state on `cwp.workforce.worker-state`, keyed by worker id: ids, codes and dates only. */
export const workerStatePublication: StatePublication<WorkerRow, WorkerStateData> = {
  name: 'worker-state',
  contract: workerStateContract,
  table: 'workers',
  alias: 'w',
  columns: WORKER_COLUMNS,
  toEvent: (row) => ({
    key: row.id,
    data: {
      workerId: row.id,
      unitCode: row.unitCode,
      status: row.status,
      entryRoute: row.entryRoute,
      postCategory: row.postCategory,
      postLevel: row.postLevel,
      postRole: row.postRole,
      title: row.title,
      role: row.role,
      education: row.education,
      hiredOn: row.hiredOn,
      exitedOn: row.exitedOn,
      exitCause: row.exitCause,
      version: row.version,
      updatedAt: row.keysetPosition,
    },
  }),
};

/**
 * Keeps the compacted worker state topic current (issue 14 bootstrap): every change, whoever made
 * it (API, appraisal exits, recruitment appointments, the demo city's COPY), is published within
 * a sweep period, through the outbox, in (updated_at, id) order.
 */
@Injectable()
export class WorkerStateTopic implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweeper: StateTopicSweep<WorkerRow, WorkerStateData>;

  constructor(dataSource: DataSource, outbox: OutboxWriter, @Inject(KAFKA_CLIENT) kafka: Kafka) {
    this.sweeper = new StateTopicSweep(dataSource, outbox, kafka, workerStatePublication);
  }

  onApplicationBootstrap(): void {
    this.sweeper.start(workerStateConfig.get().WORKFORCE_WORKER_STATE_SWEEP_SECONDS);
  }

  onApplicationShutdown(): void {
    this.sweeper.stop();
  }

  /** Publishes what changed now (tests; the timer does it otherwise). */
  sweep(): Promise<number> {
    return this.sweeper.sweep();
  }
}
