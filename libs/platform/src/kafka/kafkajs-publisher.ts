import { Logger } from '@nestjs/common';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { EventPublisher, OutgoingMessage } from './kafka.types';
import { DEFAULT_MAX_REQUEST_BYTES, splitUnderBytes } from './message-batches';

/**
 * EventPublisher on a kafkajs idempotent producer: acks = -1 (all in-sync replicas) and one
 * request in flight, so a retried batch can neither duplicate nor reorder what the broker already
 * holds. After a failed send the producer is dropped and a fresh one (new producer id) is made on
 * the next publish: the caller (outbox relay) rolls back and retries the whole batch. A batch over
 * the broker's message limit goes as consecutive requests (splitUnderBytes): one in flight keeps
 * their order, and a failure part-way is the same retried batch (the idempotent producer and the
 * consumers' inbox absorb the part already sent).
 */
export class KafkaJsPublisher implements EventPublisher {
  private readonly logger = new Logger('EventPublisher');
  private producer?: Producer;
  private connecting?: Promise<Producer>;

  constructor(
    private readonly kafka: Kafka,
    private readonly maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES,
  ) {}

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connected();
    try {
      for (const run of splitUnderBytes(messages, this.maxRequestBytes)) {
        await producer.send({
          topic,
          acks: -1,
          messages: run.map((m) => ({ key: m.key, value: m.value, ...(m.headers ? { headers: m.headers } : {}) })),
        });
      }
    } catch (error) {
      await this.reset();
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    await this.reset();
  }

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // Java-compatible murmur2 on the key: the partition of an aggregate is the same for any client.
        createPartitioner: Partitioners.DefaultPartitioner,
        // Bounded: the relay owns the retry loop (with backoff) and must get control back.
        retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5_000 },
      });
      await producer.connect();
      this.producer = producer;
      return producer;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (!producer) return;
    try {
      await producer.disconnect();
    } catch (error) {
      this.logger.warn(`Producer disconnect failed: ${String(error)}`);
    }
  }
}
