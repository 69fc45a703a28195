import type { DataSource } from 'typeorm';
import type { RelayObserver } from '../outbox/outbox-relay';
import type { ServiceMetrics } from './service-metrics';

/** Relay counters: published events by topic, failed batches. */
export function relayObserverFor(metrics: ServiceMetrics): RelayObserver {
  return {
    published: (topic, count) => metrics.relayPublished.inc({ topic }, count),
    failed: () => metrics.relayFailures.inc(),
  };
}

/**
 * Backlog gauges, read at scrape time from the partial index of unpublished rows: a growing
 * backlog or an old oldest row means the relay is stuck (Kafka down, relay stopped).
 */
export function watchOutboxBacklog(metrics: ServiceMetrics, dataSource: DataSource): void {
  metrics.onScrape(async () => {
    if (!dataSource.isInitialized) return;
    const [row] = (await dataSource.query(
      `SELECT count(*)::int AS rows, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest
         FROM outbox WHERE published_at IS NULL`,
    )) as Array<{ rows: number; oldest: number }>;
    metrics.outboxBacklogRows.set(row?.rows ?? 0);
    metrics.outboxOldestAge.set(row?.oldest ?? 0);
  });
}
