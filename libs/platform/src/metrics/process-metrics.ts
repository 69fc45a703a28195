import { collectDefaultMetrics, Registry } from 'prom-client';
import { drainTemporalSdkMetrics, setTemporalMetricsTarget } from './temporal-sdk-metrics';

/**
 * Metrics that belong to the process rather than to one application: Node's own (CPU, memory,
 * event-loop lag, GC, handles; prom-client's defaults) and the Temporal SDK's (its Runtime is one
 * per process). Created once, shared by every ServiceMetrics of the process.
 */
let registry: Registry | undefined;

export function processMetricsRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
    setTemporalMetricsTarget(registry); // standard names (process_*, nodejs_*): stock dashboards expect them
  }
  return registry;
}

export async function processMetricsText(): Promise<string> {
  const reg = processMetricsRegistry();
  drainTemporalSdkMetrics(reg);
  return reg.metrics();
}
