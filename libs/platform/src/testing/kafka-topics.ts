import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import { parseCloudEvent, type CloudEvent } from '@cwp/contracts';

/**
 * Test-only (exported through the `testing` namespace): reads a topic from the beginning into
 * memory with a throw-away consumer group, so a test can poll what actually reached Kafka.
 */
export interface TopicCollector {
  readonly messages: Array<{ key: string | null; partition: number; offset: string; event: CloudEvent }>;
  stop(): Promise<void>;
}

export async function collectTopic(kafka: Kafka, topic: string): Promise<TopicCollector> {
  const consumer: Consumer = kafka.consumer({ groupId: `collector-${randomBytes(6).toString('hex')}`, maxWaitTimeInMs: 200 });
  const messages: TopicCollector['messages'] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      messages.push({ key: message.key?.toString() ?? null, partition, offset: message.offset, event: parseCloudEvent(message.value) });
    },
  });
  return {
    messages,
    stop: async () => {
      await consumer.stop();
      await consumer.disconnect();
    },
  };
}

/** A name unique to one test run, for topics, groups and services: `it-abc123`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
