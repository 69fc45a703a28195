import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { MalformedCloudEventError, parseCloudEvent, type CloudEvent } from '@cwp/contracts';
import { isDomainError } from '../errors';
import type { EventSubscriber, IncomingMessage, MessageContext, Subscription } from '../kafka/kafka.types';
import { backoffDelay } from '../outbox/backoff';
import type { DeadLetterStore } from '../dead-letters/dead-letter-store';
import { withConsumerSpan } from '../tracing/consumer-span';

export interface EventHandlerRegistration<TData = unknown, TResult = unknown> {
  /** The consuming service or feature, e.g. `talent-pool`: the inbox key and the Kafka group id. */
  consumer: string;
  topic: string;
  /** CloudEvent types this handler takes; other types on the topic are skipped. */
  types: readonly string[];
  /** The effect, in the same transaction as the inbox row: use `em` for every write. */
  handle: (em: EntityManager, event: CloudEvent<TData>) => Promise<TResult>;
  /**
   * Runs once the transaction of `handle` has committed, with what `handle` returned: the place for
   * what must not happen for a change that rolls back (signalling a workflow, calling out). Never
   * runs when `handle` failed or the event was a duplicate. A failure here is logged and does not
   * retry the event: its effect is committed and the inbox row says it was handled.
   */
  afterCommit?: (result: TResult, event: CloudEvent<TData>) => Promise<void>;
}

export interface InboxConsumerOptions {
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Where a new consumer group starts (default true). */
  fromBeginning?: boolean;
  /**
   * Handler tries per message before it is dead-lettered (needs `deadLetters`); without a
   * dead-letter store a failing message is retried until it succeeds (the partition waits).
   */
  maxAttempts?: number;
}

/** What the inbox reports outside itself: metrics, and where poison messages go. */
export interface InboxHooks {
  observer?: InboxObserver;
  deadLetters?: DeadLetterStore;
}

export interface InboxObserver {
  outcome(consumer: string, outcome: MessageOutcome): void;
  handlerFailed(consumer: string, topic: string): void;
  deadLettered(consumer: string, topic: string): void;
}

export type MessageOutcome = 'handled' | 'duplicate' | 'skipped-malformed' | 'skipped-type' | 'dead-lettered' | 'abandoned';

/**
 * Idempotent consumer (ARCHITECTURE.md "Events on Kafka"): for each message, the inbox row
 * `(consumer, event id)` and the handler's effect commit in ONE transaction; a row that already
 * exists means the event was handled before, so the effect is skipped. The offset is committed
 * only after the database commit. A failing handler is retried with backoff on the same message
 * (the partition waits: per-key order is kept) and its offset is not committed; a malformed
 * message is logged without its content and skipped, never crashing the loop.
 */
export class InboxConsumer {
  private readonly logger = new Logger('InboxConsumer');
  private readonly handlers = new Map<string, EventHandlerRegistration[]>();
  private readonly subscriptions: Subscription[] = [];
  private readonly subscribed = new Set<string>();
  private started = false;
  private stopping = false;
  private background?: Promise<void>;
  private interruptBackoff?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriber: EventSubscriber,
    private readonly options: InboxConsumerOptions = {},
    private readonly hooks: InboxHooks = {},
  ) {}

  registerEventHandler<TData, TResult = void>(registration: EventHandlerRegistration<TData, TResult>): void {
    if (this.started) throw new Error('registerEventHandler must run before the application bootstrap (e.g. in onModuleInit)');
    const list = this.handlers.get(registration.consumer) ?? [];
    for (const other of list) {
      const overlap = other.topic === registration.topic && other.types.some((t) => registration.types.includes(t));
      if (overlap) throw new Error(`Consumer ${registration.consumer} has two handlers for one event type on ${registration.topic}`);
    }
    list.push(registration as EventHandlerRegistration);
    this.handlers.set(registration.consumer, list);
  }

  /** One Kafka consumer group per consumer name, subscribed to all of its topics. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    for (const [consumer, registrations] of this.handlers) {
      if (this.subscribed.has(consumer)) continue;
      const topics = [...new Set(registrations.map((r) => r.topic))];
      const subscription = await this.subscriber.subscribe({
        groupId: consumer,
        topics,
        fromBeginning: this.options.fromBeginning ?? true,
        handle: async (message, context) => (await this.processMessage(consumer, message, context)) !== 'abandoned',
      });
      this.subscriptions.push(subscription);
      this.subscribed.add(consumer);
      this.logger.log(`Consumer ${consumer} subscribed to ${topics.join(', ')}`);
    }
  }

  /**
   * What the application bootstrap uses: subscribes in the background, retrying with backoff while
   * Kafka is unreachable, so the service starts (and serves HTTP) without Kafka; readiness
   * (`pendingConsumers`) shows the consumers not subscribed yet.
   */
  startInBackground(): void {
    this.background ??= (async () => {
      for (let attempt = 1; !this.stopping; attempt++) {
        try {
          this.started = false;
          await this.start();
          return;
        } catch (error) {
          const delay = backoffDelay(attempt, 500, 30_000);
          this.logger.warn(
            `Subscribing failed (attempt ${attempt}), retrying in ${delay} ms: ${error instanceof Error ? error.message : String(error)}`,
          );
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, delay);
            this.interruptBackoff = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      }
    })();
  }

  /** Consumer names registered but not subscribed (yet). */
  pendingConsumers(): string[] {
    return [...this.handlers.keys()].filter((consumer) => !this.subscribed.has(consumer));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.interruptBackoff?.();
    await this.background;
    const subscriptions = this.subscriptions.splice(0);
    this.subscribed.clear();
    await Promise.all(subscriptions.map((s) => s.stop()));
  }

  async processMessage(consumer: string, message: IncomingMessage, context: MessageContext): Promise<MessageOutcome> {
    // The producer's trace continues here: handler effect, log lines, workflows signalled.
    const outcome = await withConsumerSpan(consumer, message, () => this.processOnce(consumer, message, context));
    this.hooks.observer?.outcome(consumer, outcome);
    return outcome;
  }

  /**
   * An operator's replay of a dead letter: through the inbox again (inbox row + handler in one
   * transaction, afterCommit after it), so an event handled meanwhile is a duplicate, not applied twice.
   */
  async replay(consumer: string, topic: string, event: CloudEvent): Promise<'handled' | 'duplicate' | 'skipped-type'> {
    const registration = this.handlers.get(consumer)?.find((r) => r.topic === topic && r.types.includes(event.type));
    if (!registration) return 'skipped-type';
    const outcome = await this.handleOnce(consumer, registration, event);
    return outcome === 'duplicate' ? 'duplicate' : 'handled';
  }

  private async processOnce(consumer: string, message: IncomingMessage, context: MessageContext): Promise<MessageOutcome> {
    const where = `${message.topic}[${message.partition}]@${message.offset}`;
    let event: CloudEvent;
    try {
      event = parseCloudEvent(message.value);
    } catch (error) {
      if (!(error instanceof MalformedCloudEventError)) throw error;
      // The reason only: a bad message may carry personal data, so its content is never logged.
      this.logger.warn(`Skipping malformed message ${where} for ${consumer}: ${error.reason}`);
      return 'skipped-malformed';
    }
    const registration = this.handlers.get(consumer)?.find((r) => r.topic === message.topic && r.types.includes(event.type));
    if (!registration) return 'skipped-type';

    for (let attempt = 1; ; attempt++) {
      if (context.stopping) return 'abandoned';
      try {
        return await this.handleOnce(consumer, registration, event);
      } catch (error) {
        this.hooks.observer?.handlerFailed(consumer, message.topic);
        if (this.hooks.deadLetters && attempt >= (this.options.maxAttempts ?? 8)) {
          return this.deadLetter(consumer, message, event, error, attempt, context);
        }
        const delay = backoffDelay(attempt, this.options.minBackoffMs ?? 200, this.options.maxBackoffMs ?? 30_000);
        const code = isDomainError(error) ? ` [${error.code}]` : '';
        this.logger.warn(
          `Handler of ${consumer} failed on event ${event.id} (${event.type}) at ${where}, attempt ${attempt}${code}: ` +
            `${error instanceof Error ? error.message : String(error)}; retrying in ${delay} ms, offset not committed`,
        );
        if (!(await this.waitWhileAlive(delay, context))) return 'abandoned';
      }
    }
  }

  /**
   * Moves a poison message aside so its partition moves on: the dead-letter row and topic first,
   * then the caller commits the offset. If the dead-letter write itself fails the message stays
   * where it is (retried with backoff): it is never dropped.
   */
  private async deadLetter(
    consumer: string,
    message: IncomingMessage,
    event: CloudEvent,
    error: unknown,
    attempts: number,
    context: MessageContext,
  ): Promise<MessageOutcome> {
    const where = `${message.topic}[${message.partition}]@${message.offset}`;
    for (let attempt = 1; ; attempt++) {
      if (context.stopping) return 'abandoned';
      try {
        await this.hooks.deadLetters!.record({ consumer, message, event, error, attempts });
        break;
      } catch (writeError) {
        const delay = backoffDelay(attempt, this.options.minBackoffMs ?? 200, this.options.maxBackoffMs ?? 30_000);
        this.logger.warn(
          `Could not dead-letter event ${event.id} of ${consumer} at ${where} (retrying in ${delay} ms): ${writeError instanceof Error ? writeError.message : String(writeError)}`,
        );
        if (!(await this.waitWhileAlive(delay, context))) return 'abandoned';
      }
    }
    this.hooks.observer?.deadLettered(consumer, message.topic);
    this.logger.error({
      msg: 'event dead-lettered after its handler kept failing; the partition moves on',
      consumer,
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      eventId: event.id,
      eventType: event.type,
      attempts,
      error: error instanceof Error ? error.message : String(error),
    });
    return 'dead-lettered';
  }

  private async handleOnce(consumer: string, registration: EventHandlerRegistration, event: CloudEvent): Promise<MessageOutcome> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const inserted = (await em.query(
        `INSERT INTO inbox (consumer, event_id, event_type, topic) VALUES ($1, $2, $3, $4)
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [consumer, event.id, event.type, registration.topic],
      )) as unknown[];
      if (inserted.length === 0) return { outcome: 'duplicate' as const };
      return { outcome: 'handled' as const, result: await registration.handle(em, event) };
    });
    if (outcome.outcome === 'handled' && registration.afterCommit) await this.runAfterCommit(consumer, registration, event, outcome.result);
    return outcome.outcome;
  }

  private async runAfterCommit(
    consumer: string,
    registration: EventHandlerRegistration,
    event: CloudEvent,
    result: unknown,
  ): Promise<void> {
    try {
      await registration.afterCommit!(result, event);
    } catch (error) {
      this.logger.warn(
        `After-commit step of ${consumer} failed on event ${event.id} (${event.type}); the effect stays committed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Sleeps `ms` in slices, heartbeating so the group keeps the partition; false if stopping. */
  private async waitWhileAlive(ms: number, context: MessageContext): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (context.stopping) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(500, until - Date.now())));
      await context.heartbeat();
    }
    return !context.stopping;
  }
}
