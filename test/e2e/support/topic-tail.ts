import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { createKafka, ensureTopics, kafkaBrokersFrom } from '@cwp/platform';
import type { ReadEvent } from '@cwp/test-support';

/** Where a topic's partitions end at one moment: the events a spec causes after it come later. */
export interface TopicMark {
  topic: string;
  offsets: Array<{ partition: number; offset: string }>;
}

export interface TailOptions {
  filter: (event: ReadEvent) => boolean;
  count?: number;
  timeoutMs?: number;
}

const kafka = (): Kafka => createKafka({ clientId: `e2e-tail-${randomUUID()}`, brokers: kafkaBrokersFrom() });

/** The topic's end offsets now (the topic is created first if missing, as the services would). */
export async function markTopic(topic: string): Promise<TopicMark> {
  const client = kafka();
  await ensureTopics(client, [topic]);
  const admin = client.admin();
  await admin.connect();
  try {
    const offsets = (await admin.fetchTopicOffsets(topic)).map(({ partition, offset }) => ({ partition, offset }));
    return { topic, offsets };
  } finally {
    await admin.disconnect();
  }
}

/**
 * The events written to the topic after `mark` that pass `filter`, until `count` arrived or the
 * deadline passed. Unlike `readEvents` (from the topic's beginning), a shared topic that benches
 * filled with millions of events is not read through first: a fresh consumer group starts at the mark.
 */
export async function readEventsAfter(mark: TopicMark, { filter, count = 1, timeoutMs = 60_000 }: TailOptions): Promise<ReadEvent[]> {
  const client = kafka();
  const groupId = `e2e-tail-${randomUUID()}`;
  const admin = client.admin();
  await admin.connect();
  try {
    await admin.setOffsets({ groupId, topic: mark.topic, partitions: mark.offsets });
  } finally {
    await admin.disconnect();
  }
  const consumer = client.consumer({ groupId });
  const events: ReadEvent[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [mark.topic], fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const raw = message.value?.toString('utf8') ?? '';
        let value: ReadEvent['value'] = {};
        try {
          value = JSON.parse(raw) as ReadEvent['value'];
        } catch {
          // Not JSON: kept with an empty value so a filter on raw/key still sees it.
        }
        const event: ReadEvent = { topic, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null, raw, value };
        if (filter(event)) events.push(event);
        if (events.length >= count) done();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([finished.then(() => 'done' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout')
      throw new Error(`Timed out after ${timeoutMs} ms reading ${mark.topic} after the mark: collected ${events.length} matching event(s)`);
    return events;
  } finally {
    await consumer.disconnect();
  }
}
