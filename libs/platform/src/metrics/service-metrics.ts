import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { processMetricsRegistry, processMetricsText } from './process-metrics';

/** What one scrape of a pull-style gauge (outbox backlog, consumer lag) needs to run. */
export type ScrapeCollector = () => Promise<void>;

/**
 * The metrics of one service instance (one Nest application), served at `/metrics` together with
 * the process-wide ones (Node process, Temporal SDK). One registry per application, not prom-client's
 * global one: tests run several applications in one process and each must count only its own.
 * Names start with `cwp_`; label values are bounded (route templates, topics, consumer names).
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly collectors: ScrapeCollector[] = [];

  readonly httpDuration = new Histogram({
    name: 'cwp_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly outboxBacklogRows = new Gauge({
    name: 'cwp_outbox_backlog_rows',
    help: 'Outbox rows committed but not yet published to Kafka',
    registers: [this.registry],
  });

  readonly outboxOldestAge = new Gauge({
    name: 'cwp_outbox_oldest_unpublished_age_seconds',
    help: 'Age of the oldest unpublished outbox row (0 when none)',
    registers: [this.registry],
  });

  readonly relayPublished = new Counter({
    name: 'cwp_outbox_relay_published_total',
    help: 'Events the outbox relay published to Kafka (and marked published), by topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly relayFailures = new Counter({
    name: 'cwp_outbox_relay_failures_total',
    help: 'Relay batches that failed and were rolled back (retried with backoff)',
    registers: [this.registry],
  });

  readonly consumerLag = new Gauge({
    name: 'cwp_kafka_consumer_lag',
    help: 'Messages behind the end of the partition (high watermark - committed offset), by group, topic, partition',
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [this.registry],
  });

  readonly inboxMessages = new Counter({
    name: 'cwp_inbox_messages_total',
    help: 'Messages the inbox consumer finished, by consumer and outcome (handled, duplicate, skipped-*, dead-lettered)',
    labelNames: ['consumer', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly inboxDuplicates = new Counter({
    name: 'cwp_inbox_duplicates_skipped_total',
    help: 'Redelivered events the inbox recognised and skipped (handler not called)',
    labelNames: ['consumer'] as const,
    registers: [this.registry],
  });

  readonly inboxHandlerFailures = new Counter({
    name: 'cwp_inbox_handler_failures_total',
    help: 'Failed handler attempts (each retry counts)',
    labelNames: ['consumer', 'topic'] as const,
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'cwp_inbox_dead_letters_total',
    help: 'Messages moved to the dead-letter topic after the bounded number of tries',
    labelNames: ['consumer', 'topic'] as const,
    registers: [this.registry],
  });

  readonly housekeepingPurged = new Counter({
    name: 'cwp_housekeeping_purged_rows_total',
    help: 'Rows deleted by the housekeeping job, by table',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });

  constructor() {
    processMetricsRegistry(); // process metrics (and the SDK's periodic drain) start with the first app
  }

  /** Adds a gauge refresh that runs on every scrape (failures are swallowed: a scrape never fails on them). */
  onScrape(collector: ScrapeCollector): void {
    this.collectors.push(collector);
  }

  /** The Prometheus text of this service plus the process-wide metrics. */
  async scrape(): Promise<string> {
    await Promise.all(this.collectors.map((collect) => collect().catch(() => undefined)));
    return `${await this.registry.metrics()}\n${await processMetricsText()}`;
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
