import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { MetricsBuffer, type BufferedMetricUpdate } from '@temporalio/worker';

/**
 * The Temporal SDK's worker metrics (poll and task latencies, slots, sticky cache, activity and
 * workflow task failures …), taken through the Runtime's telemetry option `metrics.buffer`: Core
 * records into a buffer that we drain into prom-client on every scrape (and every few seconds, so
 * it never fills). One `/metrics` per service, no second HTTP port as Core's own Prometheus
 * exporter would need. The buffer is an experimental SDK API (pinned SDK 1.24.0).
 */
let buffer: MetricsBuffer | undefined;
let drainTimer: NodeJS.Timeout | undefined;
type Instrument =
  { kind: 'counter'; metric: Counter } | { kind: 'histogram'; metric: Histogram } | { kind: 'gauge'; metric: Gauge; upDown: boolean };
const instruments = new Map<string, { labels: string[]; instrument: Instrument }>();
let target: Registry | undefined;

/** The buffer given to `Runtime.install({ telemetryOptions: { metrics: { buffer } } })`. */
export function temporalMetricsBuffer(): MetricsBuffer {
  if (!buffer) {
    buffer = new MetricsBuffer({ maxBufferSize: 50_000, useSecondsForDurations: true });
    drainTimer = setInterval(() => {
      if (target) drainTemporalSdkMetrics(target);
    }, 5_000);
    drainTimer.unref();
  }
  return buffer;
}

/** Where the periodic drain writes (the process registry), so the buffer never fills between scrapes. */
export function setTemporalMetricsTarget(registry: Registry): void {
  target = registry;
}

/** Moves buffered SDK updates into `registry` (cumulative prom-client series). */
export function drainTemporalSdkMetrics(registry: Registry): void {
  target = registry;
  if (!buffer) return;
  for (const update of buffer.retrieveUpdates()) record(registry, update);
}

function record(registry: Registry, update: BufferedMetricUpdate): void {
  const name = promName(update.metric.name);
  let entry = instruments.get(name);
  if (!entry) {
    const labels = Object.keys(update.attributes).map(promName);
    const common = {
      name,
      help: update.metric.description || `Temporal SDK ${update.metric.kind} ${update.metric.name}`,
      labelNames: labels,
      registers: [registry],
    };
    const kind = update.metric.kind;
    const instrument: Instrument =
      kind === 'counter'
        ? { kind, metric: new Counter(common) }
        : kind === 'histogram'
          ? { kind, metric: new Histogram({ ...common, buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 60] }) }
          : { kind: 'gauge', metric: new Gauge(common), upDown: kind === 'up-down-counter' };
    entry = { labels, instrument };
    instruments.set(name, entry);
  }
  // The label set is fixed at the first update; extra attributes are dropped, missing ones are ''.
  const labels: Record<string, string> = {};
  for (const label of entry.labels) labels[label] = '';
  for (const [key, value] of Object.entries(update.attributes)) {
    const label = promName(key);
    if (label in labels) labels[label] = String(value);
  }
  const { instrument } = entry;
  if (instrument.kind === 'counter') instrument.metric.inc(labels, update.value);
  else if (instrument.kind === 'histogram') instrument.metric.observe(labels, update.value);
  else if (instrument.upDown) instrument.metric.inc(labels, update.value);
  else instrument.metric.set(labels, update.value);
}

function promName(raw: string): string {
  const name = raw.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[a-zA-Z_]/.test(name) ? name : `_${name}`;
}
