import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TALENT_POOL_SETTINGS, type TalentPoolSettings } from '../../core';
import { EntryRepository } from '../entry.repository';
import { EntryWorkflowStarter } from './entry-workflow.starter';

const BATCH = 200;

/**
 * Closes the gap between "entry committed" and "workflow started": a crash (or Temporal outage)
 * in between leaves `workflow_started_at` null, and this starts those workflows at boot and then
 * every TALENT_POOL_RECONCILE_SECONDS. Starting is idempotent (business-key workflow id), so
 * running it on several replicas at once is harmless.
 */
@Injectable()
export class EntryWorkflowReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EntryWorkflowReconciler');
  private readonly intervalSeconds: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly repository: EntryRepository,
    private readonly starter: EntryWorkflowStarter,
    @Inject(TALENT_POOL_SETTINGS) settings: TalentPoolSettings,
  ) {
    this.intervalSeconds = settings.reconcileSeconds;
  }

  onApplicationBootstrap(): void {
    this.trigger();
    if (this.intervalSeconds > 0) {
      this.timer = setInterval(() => this.trigger(), this.intervalSeconds * 1000);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; resolves with the number of workflows it started (or found started). */
  async reconcile(): Promise<number> {
    let count = 0;
    for (;;) {
      const rows = await this.repository.withoutWorkflow(BATCH);
      for (const row of rows) {
        await this.starter.startAfterCommit(row);
        count++;
      }
      // startWorkflow leaves the flag null when Temporal is down: stop instead of looping.
      if (rows.length < BATCH || !(await this.progressed(rows.map((r) => r.id)))) break;
    }
    if (count) this.logger.log({ msg: 'reconciled entry workflows', count });
    return count;
  }

  private trigger(): void {
    if (this.running) return;
    this.running = this.reconcile()
      .catch((error: unknown) => {
        this.logger.warn({ msg: 'workflow reconciliation failed; will retry', error: String(error) });
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  private async progressed(ids: string[]): Promise<boolean> {
    const still = await this.repository.withoutWorkflow(BATCH);
    return !still.some((row) => ids.includes(row.id));
  }
}
