import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { checkTemporal } from './check-temporal';
import { TEMPORAL_CONNECTION } from './temporal.options';
import { WORKFLOW_START_SETTINGS, type WorkflowStartSettings } from './workflow-start-settings';

type Listener = () => void;

/**
 * Whether this process can reach Temporal, as last seen. Optimistic until a call fails; then it
 * probes every `probeIntervalMs` (a cheap RPC with a short deadline) until Temporal answers, and
 * tells its listeners at once (the reconciler starts what the outage left unstarted). While it is
 * unreachable, WorkflowStarter defers starts without waiting on a deadline, so no request pays
 * for an outage.
 */
@Injectable()
export class TemporalReachability implements OnApplicationShutdown {
  private readonly logger = new Logger('TemporalReachability');
  private readonly listeners = new Set<Listener>();
  private probing?: NodeJS.Timeout;
  private closed = false;
  private reachableNow = true;
  private downSince?: number;

  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    @Inject(WORKFLOW_START_SETTINGS) private readonly settings: WorkflowStartSettings,
  ) {}

  get reachable(): boolean {
    return this.reachableNow;
  }

  /** Calls `listener` each time Temporal becomes reachable again; returns the unsubscribe. */
  onReachable(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A call failed in a way that says Temporal is down or too slow: start probing. */
  reportUnreachable(reason: unknown): void {
    if (this.closed) return;
    if (this.reachableNow) {
      this.reachableNow = false;
      this.downSince = Date.now();
      this.logger.warn({ msg: 'Temporal unreachable; deferring workflow starts and probing', error: String(reason).slice(0, 300) });
    }
    this.scheduleProbe();
  }

  onApplicationShutdown(): void {
    this.closed = true;
    if (this.probing) clearTimeout(this.probing);
  }

  private scheduleProbe(): void {
    if (this.probing || this.closed) return;
    this.probing = setTimeout(() => void this.probe(), this.settings.probeIntervalMs);
    this.probing.unref();
  }

  private async probe(): Promise<void> {
    try {
      await checkTemporal(this.connection, this.settings.startTimeoutMs);
    } catch {
      this.probing = undefined;
      this.scheduleProbe();
      return;
    }
    this.probing = undefined;
    if (this.closed || this.reachableNow) return;
    this.reachableNow = true;
    this.logger.log({ msg: 'Temporal reachable again', downForMs: Date.now() - (this.downSince ?? Date.now()) });
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.logger.warn({ msg: 'reachability listener failed', error: String(error) });
      }
    }
  }
}
