import { Logger } from '@nestjs/common';
import type { Consumer, Kafka } from 'kafkajs';
import { ensureTopics } from './kafka-admin';
import type { EventSubscriber, IncomingMessage, SubscribeOptions, Subscription } from './kafka.types';

/**
 * EventSubscriber on kafkajs consumers with autoCommit off: the offset after a message is
 * committed only when the handler says it is done (after its database commit). One message at a
 * time per partition keeps per-key order.
 */
export class KafkaJsSubscriber implements EventSubscriber {
  private readonly subscriptions = new Set<KafkaJsSubscription>();

  constructor(private readonly kafka: Kafka) {}

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    // A consumer must not depend on the producing service having started first: whoever comes
    // first creates the topic with the same defaults (ensureTopics is idempotent).
    await ensureTopics(this.kafka, options.topics);
    // A short long-poll keeps shutdown quick: stop() waits for the fetch in flight.
    const consumer = this.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 1_000 });
    const subscription = new KafkaJsSubscription(consumer, options, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    try {
      await subscription.start();
    } catch (error) {
      await subscription.stop();
      throw error;
    }
    return subscription;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  /** The live subscriptions' groups and topics (consumer-lag metrics). */
  groups(): Array<{ groupId: string; topics: readonly string[] }> {
    return [...this.subscriptions].map((s) => ({ groupId: s.groupId, topics: s.topics }));
  }

  /** Group ids of subscriptions whose consumer crashed for good (kafkajs gave up restarting). */
  deadSubscriptions(): string[] {
    return [...this.subscriptions].filter((s) => s.dead).map((s) => s.groupId);
  }
}

class KafkaJsSubscription implements Subscription {
  private readonly logger: Logger;
  private stopping = false;
  private stopped?: Promise<void>;
  /** Set when kafkajs crashed the consumer without restarting it: nothing is consumed any more. */
  dead = false;

  constructor(
    private readonly consumer: Consumer,
    private readonly options: SubscribeOptions,
    private readonly onStopped: () => void,
  ) {
    this.logger = new Logger(`EventSubscriber:${options.groupId}`);
  }

  get groupId(): string {
    return this.options.groupId;
  }

  get topics(): readonly string[] {
    return this.options.topics;
  }

  async start(): Promise<void> {
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      this.logger.error(`Consumer crashed (restart=${String(event.payload.restart)}): ${event.payload.error.message}`);
      if (!event.payload.restart) this.dead = true;
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        const incoming: IncomingMessage = {
          topic,
          partition,
          offset: message.offset,
          key: message.key ? message.key.toString('utf8') : null,
          value: message.value,
          headers: headersOf(message.headers),
        };
        const self = this;
        const done = await this.options.handle(incoming, {
          heartbeat,
          get stopping() {
            return self.stopping;
          },
        });
        if (done) {
          await this.consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
        }
      },
    });
  }

  stop(): Promise<void> {
    this.stopping = true;
    this.stopped ??= (async () => {
      try {
        await this.consumer.stop();
        await this.consumer.disconnect();
      } finally {
        this.onStopped();
      }
    })();
    return this.stopped;
  }
}

function headersOf(headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}
