import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RecordRepository } from '../record.repository';
import { RecordsService } from '../records.service';

const BATCH = 200;
const INTERVAL_MS = 5 * 60 * 1000;

/**
 * kit: the platform reconciler (shape-kit) will own this loop. Starts record workflows that a
 * crash or a Temporal outage left unstarted after their `hired` event committed: at boot, then
 * every five minutes. Starting is idempotent (business-key id), so replicas may overlap.
 */
@Injectable()
export class RecordReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RecordReconciler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly repository: RecordRepository,
    private readonly records: RecordsService,
  ) {}

  onApplicationBootstrap(): void {
    this.trigger();
    this.timer = setInterval(() => this.trigger(), INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async reconcile(): Promise<void> {
    for (let pass = 0; pass < 50; pass++) {
      const rows = await this.repository.withoutWorkflow(BATCH);
      if (rows.length === 0) return;
      await this.records.startWorkflows(rows);
      const still = await this.repository.withoutWorkflow(BATCH);
      if (still.length > 0 && still[0]!.workerId === rows[0]!.workerId) return; // Temporal down: next sweep
    }
  }

  private trigger(): void {
    if (this.running) return;
    this.running = this.reconcile()
      .catch((error: unknown) => this.logger.warn({ msg: 'record reconciliation failed; will retry', error: String(error) }))
      .finally(() => (this.running = undefined));
  }
}
