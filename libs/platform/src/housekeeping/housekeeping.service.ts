import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceMetrics } from '../metrics/service-metrics';
import { purgeOldRows, type PurgeCounts, type RetentionDays } from './purge-old-rows';

export interface HousekeepingOptions {
  retention: RetentionDays;
  /** 0 turns the timer off (runOnce still works). */
  intervalMs: number;
}

export const HOUSEKEEPING_OPTIONS = Symbol('HOUSEKEEPING_OPTIONS');

// One purger per service schema at a time, whatever the number of instances (session lock).
const HOUSEKEEPING_LOCK_NAMESPACE = 0x63777033; // "cwp3"

/**
 * Purges old platform rows on an in-process timer (HOUSEKEEPING_INTERVAL_MINUTES), not a Temporal
 * Schedule: the work is local to the service's schema, idempotent and stateless (a missed run
 * only leaves more for the next), so it needs no durable history; and every service process has
 * a database but not necessarily a worker (RUN_WORKER=false) or a workflow bundle the platform
 * could add a workflow to. Several instances take turns through a PostgreSQL advisory lock.
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Housekeeping');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(HOUSEKEEPING_OPTIONS) private readonly options: HousekeepingOptions,
    @Optional() private readonly metrics?: ServiceMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.runOnce()
        .catch((error: unknown) =>
          this.logger.warn(
            `Housekeeping pass failed, next in ${this.options.intervalMs} ms: ${error instanceof Error ? error.message : String(error)}`,
          ),
        )
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; `busy` when another instance of the service holds the lock. */
  async runOnce(): Promise<PurgeCounts | 'busy'> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1, hashtext(current_schema())) AS locked', [
        HOUSEKEEPING_LOCK_NAMESPACE,
      ])) as Array<{ locked: boolean }>;
      if (!locked) return 'busy';
      try {
        const counts = await purgeOldRows(this.dataSource, this.options.retention);
        for (const [table, count] of Object.entries(counts)) if (count) this.metrics?.housekeepingPurged.inc({ table }, count);
        if (Object.values(counts).some(Boolean))
          this.logger.log({ msg: 'housekeeping purged old rows', ...counts, retentionDays: this.options.retention });
        return counts;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext(current_schema()))', [HOUSEKEEPING_LOCK_NAMESPACE]);
      }
    } finally {
      await runner.release();
    }
  }
}
