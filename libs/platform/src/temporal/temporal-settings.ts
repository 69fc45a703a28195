import { cfg, loadConfig, withStackEnv } from '../config';
import type { PlatformTemporalOptions } from './temporal.options';

const temporalConfigSchema = {
  TEMPORAL_ADDRESS: cfg.string({ pattern: /^[^\s:]+:\d+$/ }),
  TEMPORAL_NAMESPACE: cfg.string({ default: 'default' }),
  RUN_WORKER: cfg.bool({ default: true }),
};

export interface TemporalSettings {
  address: string;
  namespace: string;
  runWorker: boolean;
}

/** Explicit options win; otherwise the validated environment (with stack.env fallback). */
export function temporalSettings(options: Pick<PlatformTemporalOptions, 'address' | 'namespace' | 'runWorker'>): TemporalSettings {
  const env = withStackEnv(process.env);
  const config = loadConfig(temporalConfigSchema, {
    ...env,
    ...(options.address ? { TEMPORAL_ADDRESS: options.address } : {}),
    ...(options.namespace ? { TEMPORAL_NAMESPACE: options.namespace } : {}),
  });
  return { address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, runWorker: options.runWorker ?? config.RUN_WORKER };
}
