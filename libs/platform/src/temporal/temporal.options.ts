import type { ModuleRef } from '@nestjs/core';
import type { Activities } from './activity-failures';
import type { TemporalCallTimeouts } from './bounded-calls';
import type { ScheduleDeclaration } from './schedules';
import type { WorkflowSource } from './workflow-bundle';
import type { WorkflowStartSettings } from './workflow-start-settings';

export interface PlatformTemporalOptions {
  /** The service's task queue (defined once in @cwp/contracts). */
  taskQueue: string;
  workflows: WorkflowSource;
  /** Builds the activities object from Nest providers: `(ref) => createActivities(ref.get(EntriesService))`. */
  activities: (moduleRef: ModuleRef) => Activities;
  /** Created or updated when the worker starts. */
  schedules?: readonly ScheduleDeclaration[];
  /** Default TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE (PlatformConfig when present). */
  address?: string;
  namespace?: string;
  /** Default RUN_WORKER (true): false makes an HTTP-only process that still has a Client. */
  runWorker?: boolean;
  /** Add the CWP search attributes to the namespace at start (needs operator rights; default false). */
  registerSearchAttributes?: boolean;
  /**
   * When the worker dies with a fatal error: log it, mark readiness down and, by default outside
   * tests, send SIGTERM to this process so the orchestrator restarts it rather than leaving an API
   * up whose workflows silently stop progressing.
   */
  exitOnWorkerFailure?: boolean;
  /** Deadlines of updates and queries (default TEMPORAL_UPDATE_TIMEOUT_MS 10 s / TEMPORAL_QUERY_TIMEOUT_MS 5 s): past them, 503. */
  callTimeouts?: Partial<TemporalCallTimeouts>;
  /** Timing of commit-then-start (WorkflowStarter, WorkflowReconciler); defaults in workflow-start-settings.ts. */
  workflowStart?: Partial<WorkflowStartSettings>;
  /** Extra Worker.create options (concurrency limits, interceptors). */
  workerOptions?: Record<string, unknown>;
}

export const PLATFORM_TEMPORAL_OPTIONS = Symbol('PLATFORM_TEMPORAL_OPTIONS');
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
