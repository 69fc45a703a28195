import { cfg, loadConfig, withStackEnv } from '../config';
import { DEFAULT_TEMPORAL_CALL_TIMEOUTS, type TemporalCallTimeouts } from './bounded-calls';
import type { PlatformTemporalOptions } from './temporal.options';

const temporalConfigSchema = {
  TEMPORAL_ADDRESS: cfg.string({ pattern: /^[^\s:]+:\d+$/ }),
  TEMPORAL_NAMESPACE: cfg.string({ default: 'default' }),
  RUN_WORKER: cfg.bool({ default: true }),
  /** How long a request waits for a workflow update (and for a query) before answering 503. */
  TEMPORAL_UPDATE_TIMEOUT_MS: cfg.int({ default: DEFAULT_TEMPORAL_CALL_TIMEOUTS.updateMs, min: 100, max: 600_000 }),
  TEMPORAL_QUERY_TIMEOUT_MS: cfg.int({ default: DEFAULT_TEMPORAL_CALL_TIMEOUTS.queryMs, min: 100, max: 600_000 }),
};

export interface TemporalSettings {
  address: string;
  namespace: string;
  runWorker: boolean;
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
    callTimeouts: {
      updateMs: options.callTimeouts?.updateMs ?? config.TEMPORAL_UPDATE_TIMEOUT_MS,
      queryMs: options.callTimeouts?.queryMs ?? config.TEMPORAL_QUERY_TIMEOUT_MS,
    },
  };
}
