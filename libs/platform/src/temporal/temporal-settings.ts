import { cfg, loadConfig, withStackEnv } from '../config';
import { DEFAULT_TEMPORAL_CALL_TIMEOUTS, type TemporalCallTimeouts } from './bounded-calls';
import type { PlatformTemporalOptions } from './temporal.options';

const temporalConfigSchema = {
  TEMPORAL_ADDRESS: cfg.string({ pattern: /^[^\s:]+:\d+$/ }),
  TEMPORAL_NAMESPACE: cfg.string({ default: 'default' }),
  RUN_WORKER: cfg.bool({ default: true }),
  // The worker's memory for cached workflows (sticky executions kept in V8 between tasks). Unset,
  // the SDK sizes the cache from the whole heap limit: ~2,300 workflows on this machine, and a
  // talent-pool worker grew from 283 MB to 1.1 GB RSS after 4,000 registrations (issue 15).
  TEMPORAL_WORKFLOW_CACHE_MB: cfg.int({ default: 192, min: 8, max: 16_384 }),
  /** How long a request waits for a workflow update (and for a query) before answering 503. */
  TEMPORAL_UPDATE_TIMEOUT_MS: cfg.int({ default: DEFAULT_TEMPORAL_CALL_TIMEOUTS.updateMs, min: 100, max: 600_000 }),
  TEMPORAL_QUERY_TIMEOUT_MS: cfg.int({ default: DEFAULT_TEMPORAL_CALL_TIMEOUTS.queryMs, min: 100, max: 600_000 }),
};

/** The SDK's own estimate of a cached workflow's memory: 600 workflows per GiB of heap. */
const CACHED_WORKFLOWS_PER_GIB = 600;

/** How many workflows a cache of `megabytes` holds (never under the SDK's minimum of 10). */
export function maxCachedWorkflowsFor(megabytes: number): number {
  return Math.max(Math.floor((megabytes * CACHED_WORKFLOWS_PER_GIB) / 1024), 10);
}

export interface TemporalSettings {
  address: string;
  namespace: string;
  runWorker: boolean;
  /** Sized from TEMPORAL_WORKFLOW_CACHE_MB; an evicted workflow is replayed on its next task. */
  maxCachedWorkflows: number;
  /** Deadlines of updates and queries sent from a request (BoundedTemporalCallsInterceptor). */
  callTimeouts: TemporalCallTimeouts;
}

/** Explicit options win; otherwise the validated environment (with stack.env fallback). */
export function temporalSettings(
  options: Pick<PlatformTemporalOptions, 'address' | 'namespace' | 'runWorker' | 'callTimeouts'>,
): TemporalSettings {
  const env = withStackEnv(process.env);
  const config = loadConfig(temporalConfigSchema, {
    ...env,
    ...(options.address ? { TEMPORAL_ADDRESS: options.address } : {}),
    ...(options.namespace ? { TEMPORAL_NAMESPACE: options.namespace } : {}),
  });
  return {
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
    runWorker: options.runWorker ?? config.RUN_WORKER,
    maxCachedWorkflows: maxCachedWorkflowsFor(config.TEMPORAL_WORKFLOW_CACHE_MB),
    callTimeouts: {
      updateMs: options.callTimeouts?.updateMs ?? config.TEMPORAL_UPDATE_TIMEOUT_MS,
      queryMs: options.callTimeouts?.queryMs ?? config.TEMPORAL_QUERY_TIMEOUT_MS,
    },
  };
}
