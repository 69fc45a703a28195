import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { entryStateContract, type EntryStateData } from '@cwp/contracts';
import { KAFKA_CLIENT, OutboxWriter, StateTopicSweep, cfg, defineServiceConfig, type StatePublication } from '@cwp/platform';
import { ENTRY_COLUMNS, type EntryRow } from './entry.row';

/** How often changed entries are published on the state topic (0 = at start-up only). */
export const entryStateConfig = defineServiceConfig('talent-pool-entry-state', {
  TALENT_POOL_ENTRY_STATE_SWEEP_SECONDS: cfg.int({ default: 2, min: 0, max: 3_600 }),
});

/**
 * Each entry's latest state on `cwp.talent-pool.entry-state`, keyed by entry id: the statistical
 * columns only, never the personal ones (erased anyway once an entry ends; the schema is closed).
 */
export const entryStatePublication: StatePublication<EntryRow, EntryStateData> = {
  name: 'entry-state',
  contract: entryStateContract,
  table: 'entries',
  alias: 'e',
  columns: ENTRY_COLUMNS,
  toEvent: (row) => ({
    key: row.id,
    data: {
      entryId: row.id,
      holdingUnit: row.holdingUnit,
      status: row.status,
      source: row.source,
      education: row.education,
      major: row.major,
      certificates: row.certificates,
      reservePeriodMonths: row.reserveMonths,
      registeredOn: row.registeredOn,
      expiresOn: row.expiresOn,
      endedOn: row.endedOn,
      joinRoute: row.joinRoute,
      joinedWorkerId: row.joinedWorkerId,
      withdrawReason: row.withdrawReason,
      version: row.version,
      updatedAt: row.keysetPosition,
    },
  }),
};

/**
 * Keeps the compacted entry state topic current (issue 14 bootstrap): registrations, reminders,
 * joins, withdrawals and expiries (API, workflow activities, the worker-hired handler) are
 * published within a sweep period, through the outbox, in (updated_at, id) order; an ended entry
 * publishes its terminal state.
 */
@Injectable()
export class EntryStateTopic implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweeper: StateTopicSweep<EntryRow, EntryStateData>;

  constructor(dataSource: DataSource, outbox: OutboxWriter, @Inject(KAFKA_CLIENT) kafka: Kafka) {
    this.sweeper = new StateTopicSweep(dataSource, outbox, kafka, entryStatePublication);
  }

  onApplicationBootstrap(): void {
    this.sweeper.start(entryStateConfig.get().TALENT_POOL_ENTRY_STATE_SWEEP_SECONDS);
  }

  onApplicationShutdown(): void {
    this.sweeper.stop();
  }
}
