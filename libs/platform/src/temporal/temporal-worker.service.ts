import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { wrapActivities } from './activity-failures';
import { installTemporalRuntimeLogging } from './runtime-logging';
import { ensureSchedules } from './schedules';
import { ensureSearchAttributes } from './search-attributes';
import { PLATFORM_TEMPORAL_OPTIONS, TEMPORAL_CONNECTION, type PlatformTemporalOptions } from './temporal.options';
import type { TemporalSettings } from './temporal-settings';
import { workflowCodeOption } from './workflow-bundle';
import { tracingWorkerOptions } from '../tracing/temporal-tracing';

export const TEMPORAL_SETTINGS = Symbol('TEMPORAL_SETTINGS');

export type WorkerStatus = 'disabled' | 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';

/**
 * Runs the service's Temporal worker inside the Nest application: created on bootstrap (after
 * every provider exists, so activities can be bound from them), `run()` observed rather than
 * dropped (a fatal worker error is logged, fails readiness and, by default, stops the process),
 * and drained on shutdown before the database pool closes (beforeApplicationShutdown).
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TemporalWorker');
  private worker?: Worker;
  private nativeConnection?: NativeConnection;
  private running?: Promise<void>;
  private failure?: unknown;
  status: WorkerStatus = 'disabled';

  constructor(
    @Inject(PLATFORM_TEMPORAL_OPTIONS) private readonly options: PlatformTemporalOptions,
    @Inject(TEMPORAL_SETTINGS) private readonly settings: TemporalSettings,
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    @Inject(Client) private readonly client: Client,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.runWorker) {
      this.logger.log(`RUN_WORKER=false: no worker on task queue ${this.options.taskQueue} in this process`);
      return;
    }
    this.status = 'starting';
    if (this.options.registerSearchAttributes) {
      const added = await ensureSearchAttributes(this.connection, this.settings.namespace);
      if (added.length) this.logger.log(`Registered search attributes ${added.join(', ')}`);
    }
    installTemporalRuntimeLogging();
    const activities = wrapActivities(this.options.activities(this.moduleRef));
    // Schedules first: if they cannot be ensured, start-up fails before a worker exists.
    if (this.options.schedules?.length) await ensureSchedules(this.client, this.options.schedules);
    this.nativeConnection = await NativeConnection.connect({ address: this.settings.address });
    try {
      this.worker = await Worker.create({
        connection: this.nativeConnection,
        namespace: this.settings.namespace,
        taskQueue: this.options.taskQueue,
        ...workflowCodeOption(this.options.workflows),
        activities,
        maxCachedWorkflows: this.settings.maxCachedWorkflows,
        ...tracingWorkerOptions(),
        ...this.options.workerOptions,
      });
    } catch (error) {
      this.status = 'failed';
      this.failure = error;
      await this.nativeConnection.close();
      this.nativeConnection = undefined;
      throw error;
    }
    this.running = this.worker.run().then(
      () => {
        this.status = 'stopped';
      },
      (error: unknown) => this.onWorkerFailure(error),
    );
    this.status = 'running';
    this.logger.log(`Worker running on task queue ${this.options.taskQueue} (namespace ${this.settings.namespace})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    if (this.worker.getState() === 'RUNNING') {
      this.status = 'stopping';
      this.worker.shutdown();
    }
    await this.running;
    await this.nativeConnection?.close();
    this.worker = undefined;
    this.logger.log(`Worker on task queue ${this.options.taskQueue} stopped`);
  }

  /** Readiness of the worker itself (the client connection has its own check). */
  assertHealthy(): void {
    if (this.status === 'failed') throw new Error(`worker failed: ${errorMessage(this.failure)}`);
    if (this.status === 'starting') throw new Error('worker starting');
  }

  private onWorkerFailure(error: unknown): void {
    this.status = 'failed';
    this.failure = error;
    this.logger.error(
      `Worker on task queue ${this.options.taskQueue} failed: ${errorMessage(error)}`,
      error instanceof Error ? error.stack : undefined,
    );
    const exit = this.options.exitOnWorkerFailure ?? process.env.NODE_ENV !== 'test';
    if (exit) {
      this.logger.error('Stopping the process so it is restarted with a working worker');
      process.kill(process.pid, 'SIGTERM');
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
