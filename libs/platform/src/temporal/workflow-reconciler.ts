import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { CommittedWorkflow } from './committed-workflow';
import { TemporalReachability } from './temporal-reachability';
import { WORKFLOW_START_SETTINGS, type WorkflowStartSettings } from './workflow-start-settings';
import { WorkflowStarter } from './workflow-starter';

const MAX_BATCHES_PER_PASS = 50;

/**
 * Closes the gap between "row committed" and "workflow started" for every registered
 * CommittedWorkflow: a crash or a Temporal outage in between leaves the start unrecorded, and
 * this starts those workflows at boot, every `sweepSeconds`, and as soon as Temporal is reachable
 * again. Starting is idempotent (business-key workflow ids), so replicas may run it together.
 * Features register in `onModuleInit` (before the boot pass).
 */
@Injectable()
export class WorkflowReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkflowReconciler');
  private readonly workflows = new Map<string, CommittedWorkflow<unknown>>();
  private readonly sweeps = new Map<string, () => Promise<number>>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly starter: WorkflowStarter,
    private readonly reachability: TemporalReachability,
    @Inject(WORKFLOW_START_SETTINGS) private readonly settings: WorkflowStartSettings,
  ) {}

  register<Row>(workflow: CommittedWorkflow<Row>): void {
    if (this.workflows.has(workflow.name)) throw new Error(`Committed workflow "${workflow.name}" is already registered`);
    this.workflows.set(workflow.name, workflow as CommittedWorkflow<unknown>);
  }

  /**
   * A step after a commit that is not a start (a signal, say) and that an outage can lose: `pass`
   * redoes what is still undone, idempotently, and resolves with how many it did. It runs in every
   * pass, after the starts (a signal-with-start may need the workflow a start just created).
   */
  registerSweep(name: string, pass: () => Promise<number>): void {
    if (this.sweeps.has(name)) throw new Error(`Sweep "${name}" is already registered`);
    this.sweeps.set(name, pass);
  }

  onApplicationBootstrap(): void {
    this.unsubscribe = this.reachability.onReachable(() => this.trigger());
    this.trigger();
    if (this.settings.sweepSeconds > 0) {
      this.timer = setInterval(() => this.trigger(), this.settings.sweepSeconds * 1000);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    this.again = false;
    await this.running?.catch(() => undefined);
  }

  /** One pass over every registered workflow; resolves with the number it started (or found started). */
  async reconcile(): Promise<number> {
    let count = 0;
    for (const workflow of this.workflows.values()) count += await this.reconcileOne(workflow);
    for (const [name, pass] of this.sweeps) {
      const done = await pass();
      if (done) this.logger.log({ msg: 'swept committed steps', sweep: name, count: done });
      count += done;
    }
    return count;
  }

  /** Runs a pass unless one is running; a wake-up during a pass runs one more after it. */
  trigger(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.reconcile()
      .catch((error: unknown) => {
        this.logger.warn({ msg: 'workflow reconciliation failed; will retry', error: String(error) });
        return 0;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.trigger();
        }
      });
  }

  /** Resolves when no pass is running (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private async reconcileOne(workflow: CommittedWorkflow<unknown>): Promise<number> {
    let count = 0;
    // Bounded: a markStarted that records nothing must not spin; the next pass goes on.
    for (let batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
      const rows = await workflow.unstarted(this.settings.batchSize);
      for (const row of rows) {
        // Deferred: Temporal is down; the reachability wake-up runs the next pass.
        if (!(await this.starter.startAfterCommit(workflow, row))) {
          this.logSome(workflow, count);
          return count;
        }
        count++;
      }
      if (rows.length < this.settings.batchSize) break;
    }
    this.logSome(workflow, count);
    return count;
  }

  private logSome(workflow: CommittedWorkflow<unknown>, count: number): void {
    if (count) this.logger.log({ msg: 'reconciled committed workflows', workflow: workflow.name, count });
  }
}
