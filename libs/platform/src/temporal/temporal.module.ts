import {
  Global,
  Inject,
  Injectable,
  Module,
  Optional,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { ReadinessRegistry } from '../health';
import { BoundedTemporalCallsInterceptor } from './bounded-calls';
import { checkTemporal, TEMPORAL_CHANNEL_ARGS } from './check-temporal';
import { TemporalReachability } from './temporal-reachability';
import { DEFAULT_WORKFLOW_START_SETTINGS, WORKFLOW_START_SETTINGS } from './workflow-start-settings';
import { WorkflowReconciler } from './workflow-reconciler';
import { WorkflowStarter } from './workflow-starter';
import { tracingClientInterceptors } from '../tracing/temporal-tracing';
import { PLATFORM_TEMPORAL_OPTIONS, TEMPORAL_CONNECTION, type PlatformTemporalOptions } from './temporal.options';
import { temporalSettings, type TemporalSettings } from './temporal-settings';
import { TEMPORAL_SETTINGS, TemporalWorkerService } from './temporal-worker.service';

@Injectable()
class TemporalLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    @Inject(TEMPORAL_SETTINGS) private readonly settings: TemporalSettings,
    private readonly worker: TemporalWorkerService,
    @Optional() private readonly readiness?: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness?.register('temporal', () => checkTemporal(this.connection));
    if (this.settings.runWorker) this.readiness?.register('temporal-worker', async () => this.worker.assertHealthy());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/**
 * Temporal for one service: a `Client` (inject by class) on a lazily connected `Connection` to
 * TEMPORAL_ADDRESS, and, unless RUN_WORKER=false, the service's worker with activities bound from
 * Nest providers and the declared schedules ensured. Also commit-then-start: WorkflowStarter
 * (start after commit, short deadline) and WorkflowReconciler (register a CommittedWorkflow).
 */
@Global()
@Module({})
export class PlatformTemporalModule {
  static forService(options: PlatformTemporalOptions): DynamicModule {
    return {
      module: PlatformTemporalModule,
      providers: [
        { provide: PLATFORM_TEMPORAL_OPTIONS, useValue: options },
        { provide: TEMPORAL_SETTINGS, useFactory: () => temporalSettings(options) },
        {
          provide: TEMPORAL_CONNECTION,
          inject: [TEMPORAL_SETTINGS],
          // Lazy: an HTTP process still starts when Temporal is briefly down; readiness shows it.
          useFactory: (settings: TemporalSettings) =>
            Connection.lazy({ address: settings.address, channelArgs: { ...TEMPORAL_CHANNEL_ARGS } }),
        },
        {
          provide: Client,
          inject: [TEMPORAL_CONNECTION, TEMPORAL_SETTINGS],
          // Starts and signals carry the active trace context (OpenTelemetry client interceptor);
          // updates and queries give up at their deadline (503) rather than wait for a worker forever.
          useFactory: (connection: Connection, settings: TemporalSettings) => {
            const tracing = tracingClientInterceptors();
            const bounded = new BoundedTemporalCallsInterceptor(connection, settings.namespace, settings.callTimeouts);
            return new Client({ connection, namespace: settings.namespace, interceptors: { workflow: [...tracing.workflow, bounded] } });
          },
        },
        { provide: WORKFLOW_START_SETTINGS, useValue: { ...DEFAULT_WORKFLOW_START_SETTINGS, ...options.workflowStart } },
        TemporalWorkerService,
        TemporalLifecycle,
        TemporalReachability,
        WorkflowStarter,
        WorkflowReconciler,
      ],
      exports: [
        Client,
        TEMPORAL_CONNECTION,
        WORKFLOW_START_SETTINGS,
        TemporalWorkerService,
        TemporalReachability,
        WorkflowStarter,
        WorkflowReconciler,
      ],
    };
  }
}
