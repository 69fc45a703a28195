import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { EventPublisher, OutgoingMessage } from '../kafka/kafka.types';
import { backoffDelay } from './backoff';
import { finishProducerSpans, startProducerSpan } from '../tracing/producer-spans';
import type { Span } from '@opentelemetry/api';
import { OUTBOX_NOTIFY_CHANNEL, type OutboxRelayOptions } from './outbox.options';

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  envelope: unknown;
  trace_context?: unknown;
}

// Per-key order with several relay processes: SKIP LOCKED alone is not enough. If relay A holds
// rows 1 and 3 of key K and relay B skips them and takes row 5 of K, B can publish 5 before A
// publishes 1 and 3. So a relay publishes only while holding a transaction-level advisory lock
// keyed by its schema: one publisher per service at a time; the others find the lock taken and
// idle until their next tick (and take over at once if the holder dies: the lock goes with its
// session). Throughput is bounded by one relay, which batches (batchSize rows per Kafka request).
const RELAY_LOCK_NAMESPACE = 0x63777032; // "cwp2"
/** Kafka requests (of `batchSize` rows) per relay transaction: bounds its locks and what a failure sends again. */
const BATCHES_PER_TRANSACTION = 10;

export type RelayBatchOutcome = { published: number } | { busy: true };

/** What the relay reports to metrics: events published per topic (after the commit) and failed batches. */
export interface RelayObserver {
  published(topic: string, count: number): void;
  failed(): void;
}

/**
 * Publishes committed outbox rows to Kafka in `seq` order: in ONE transaction it locks a batch of
 * unpublished rows (`ORDER BY seq … FOR UPDATE SKIP LOCKED`), publishes them (acks = -1, key =
 * aggregate id) and marks them published. A Kafka failure rolls everything back and the loop
 * retries with backoff, so delivery is at least once; consumers deduplicate with the inbox.
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private pendingWake = false;
  private listener?: QueryRunner;
  private listenerLost = false;
  private failures = 0;
  private prepared: boolean;

  /**
   * `prepare` (e.g. creating the topics) runs before the first batch and again after each failure
   * until it succeeds once: the service starts and keeps accepting writes while Kafka is down.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly options: OutboxRelayOptions = {},
    private readonly prepare?: () => Promise<unknown>,
    private readonly observer?: RelayObserver,
  ) {
    this.prepared = !prepare;
    this.batchSize = options.batchSize ?? 100;
    this.intervalMs = options.intervalMs ?? 1_000;
    this.minBackoffMs = options.minBackoffMs ?? 200;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.logger = new Logger(`OutboxRelay:${this.schema}`);
  }

  get schema(): string {
    return String((this.dataSource.options as { schema?: string }).schema ?? 'public');
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Consecutive failed batches (0 when the last batch succeeded). */
  get consecutiveFailures(): number {
    return this.failures;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (this.options.listen !== false) await this.listen();
    this.loop = this.run();
  }

  /** Stops after the batch in flight (its transaction commits or rolls back, never half-done). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.loop;
    await this.unlisten();
  }

  /** Publish now instead of at the next tick. */
  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  /**
   * One transaction: lock, then up to BATCHES_PER_TRANSACTION batches of `batchSize` rows, each
   * marked published in the statement that takes it and sent as one Kafka request; commit. The
   * next batch's statement runs while the current one is on its way to Kafka (the database and
   * the broker work side by side); a batch is sent only after the one before it was acknowledged.
   * The marks stand only if every publish succeeded and the commit follows: a Kafka failure rolls
   * all of them back and the batches already sent go again (at least once; the consumers' inbox
   * drops the repeats, so the first delivery keeps each key's order). Exposed for tests and for a
   * drain on demand.
   */
  async publishBatch(): Promise<RelayBatchOutcome> {
    const sent: Array<[string, number]> = [];
    const outcome = await this.dataSource.transaction(async (em): Promise<RelayBatchOutcome> => {
      // synchronous_commit off: the marks need no flush to disk before the next transaction. If a
      // crash loses them, the rows are published again (as after any failed batch). enable_sort
      // off: each batch is read in index order and the scan stops at the batch size (the planner,
      // guessing a small backlog, sorted the whole backlog for every batch: O(backlog) each time).
      const [{ locked }] = (await em.query(
        `SELECT set_config('synchronous_commit', 'off', true), set_config('enable_sort', 'off', true),
                pg_try_advisory_xact_lock($1, hashtext(current_schema())) AS locked`,
        [RELAY_LOCK_NAMESPACE],
      )) as Array<{ locked: boolean }>;
      if (!locked) return { busy: true as const };
      let published = 0;
      let next: Promise<OutboxRow[]> | undefined = this.takeBatch(em);
      try {
        for (let taken = 1; next; taken += 1) {
          const rows: OutboxRow[] = await next;
          next = rows.length === this.batchSize && taken < BATCHES_PER_TRANSACTION ? this.takeBatch(em) : undefined;
          if (rows.length === 0) break;
          await this.send(rows, sent);
          published += rows.length;
        }
      } finally {
        await next?.catch(() => undefined); // settled before the rollback is sent after it
      }
      return { published };
    });
    for (const [topic, count] of sent) this.observer?.published(topic, count);
    return outcome;
  }

  /**
   * The next `batchSize` unpublished rows in `seq` order, marked published (inside the caller's
   * transaction). The envelope comes as jsonb's text, sent as it is (not parsed and stringified
   * again), and only for the batch's rows.
   */
  private async takeBatch(em: EntityManager): Promise<OutboxRow[]> {
    const [rows] = (await em.query(
      `WITH batch AS (
         SELECT seq FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED
       )
       UPDATE outbox o SET published_at = now() FROM batch WHERE o.seq = batch.seq
       RETURNING o.seq, o.topic, o.message_key, o.envelope::text AS envelope, o.trace_context`,
      [this.batchSize],
    )) as [OutboxRow[], number];
    return rows.sort(bySeq);
  }

  /** One batch to Kafka, topic by topic in order of first appearance, with its producer spans. */
  private async send(rows: OutboxRow[], sent: Array<[string, number]>): Promise<void> {
    const spans: Array<Span | undefined> = [];
    try {
      for (const [topic, messages] of groupByTopicInOrder(rows, spans)) {
        await this.publisher.publish(topic, messages);
        sent.push([topic, messages.length]);
      }
    } catch (error) {
      finishProducerSpans(spans, error);
      throw error;
    }
    finishProducerSpans(spans);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let outcome: RelayBatchOutcome;
      try {
        if (!this.prepared) {
          await this.prepare!();
          this.prepared = true;
        }
        outcome = await this.publishBatch();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        this.observer?.failed();
        const delay = backoffDelay(this.failures, this.minBackoffMs, this.maxBackoffMs);
        this.logger.warn(`Publishing failed (attempt ${this.failures}), rolled back; retrying in ${delay} ms: ${describe(error)}`);
        await this.sleep(delay, false);
        continue;
      }
      if ('published' in outcome && outcome.published >= this.batchSize) continue; // more waiting: drain
      if (this.listenerLost) await this.relisten();
      await this.sleep(this.intervalMs, true);
    }
  }

  /** Waits for the delay, a stop, or (when `wakeable`) a commit notification. */
  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (wakeable && this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const finish = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      timer = setTimeout(finish, ms);
      this.wakeUp = () => {
        if (wakeable || !this.running) {
          this.pendingWake = false;
          finish();
        }
      };
    });
  }

  private async listen(): Promise<void> {
    try {
      const runner = this.dataSource.createQueryRunner();
      const client = (await runner.connect()) as {
        on(event: 'notification', fn: (msg: { channel: string; payload?: string }) => void): void;
        on(event: 'error', fn: (error: Error) => void): void;
      };
      client.on('notification', (msg) => {
        if (msg.channel === OUTBOX_NOTIFY_CHANNEL && msg.payload === this.schema) this.wake();
      });
      client.on('error', (error) => {
        this.listenerLost = true;
        this.logger.warn(`LISTEN connection lost, polling until it is back: ${error.message}`);
        this.wake(); // the loop re-listens right after its next batch
      });
      await runner.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      this.listener = runner;
    } catch (error) {
      this.listenerLost = this.running; // try again after the next batch
      this.logger.warn(`LISTEN failed, polling every ${this.intervalMs} ms: ${describe(error)}`);
    }
  }

  /** After the LISTEN connection died: drop it and listen on a fresh one (polling meanwhile). */
  private async relisten(): Promise<void> {
    this.listenerLost = false;
    const dead = this.listener;
    this.listener = undefined;
    await dead?.release().catch(() => undefined);
    await this.listen();
  }

  private async unlisten(): Promise<void> {
    const runner = this.listener;
    this.listener = undefined;
    if (!runner) return;
    try {
      await runner.query(`UNLISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
    } catch {
      // The connection may be gone already; releasing it is what matters.
    }
    await runner.release();
  }
}

/** Topics in order of first appearance, each with its messages in seq order. */
export function groupByTopicInOrder(rows: readonly OutboxRow[], spans?: Array<Span | undefined>): Map<string, OutgoingMessage[]> {
  const byTopic = new Map<string, OutgoingMessage[]>();
  for (const row of rows) {
    const envelope = typeof row.envelope === 'string' ? row.envelope : JSON.stringify(row.envelope);
    // The stored trace context goes on as W3C headers, through a producer span of its own.
    const traced = spans && row.trace_context ? startProducerSpan(row.topic, row.trace_context) : { headers: {} };
    spans?.push(traced.span);
    const message: OutgoingMessage = {
      key: row.message_key,
      value: envelope,
      headers: { 'content-type': 'application/cloudevents+json; charset=utf-8', ...traced.headers },
    };
    const list = byTopic.get(row.topic);
    if (list) list.push(message);
    else byTopic.set(row.topic, [message]);
  }
  return byTopic;
}

/** `seq` order of bigint strings (RETURNING gives no order). */
function bySeq(a: OutboxRow, b: OutboxRow): number {
  return a.seq.length - b.seq.length || (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
