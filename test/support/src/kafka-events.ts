// Reads events from a Kafka topic for end-to-end assertions: a fresh consumer group from the
// beginning of the topic (or from a mark taken earlier), collecting messages that pass `filter`
// until `until` is satisfied or the deadline passes. Other engineers' events share the topics, so
// always filter (by key).
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

export interface ReadEvent {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The raw message value (check it for leaks as sent, not as parsed). */
  raw: string;
  /** The value parsed as JSON (a CloudEvent for our topics). */
  value: { id?: string; type?: string; subject?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

export interface ReadEventsOptions {
  topic: string;
  /** Default: KAFKA_BROKERS. */
  brokers?: string[];
  filter?: (event: ReadEvent) => boolean;
  /** Stop once this holds for the events collected (default: `count` events). */
  until?: (events: readonly ReadEvent[]) => boolean;
  count?: number;
  timeoutMs?: number;
  /**
   * Start where `markTopic` found the topic's end instead of its beginning: a shared topic that
   * benches filled with millions of events is not read through first.
   */
  from?: TopicMark;
}

/** Where a topic's partitions end at one moment: the events a spec causes after it come later. */
export interface TopicMark {
  topic: string;
  offsets: Array<{ partition: number; offset: string }>;
}

const brokersOf = (brokers?: string[]): string[] => {
  const list = brokers ?? (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (list.length === 0) throw new Error('KAFKA_BROKERS is not set: run `bash infra/local/stack.sh up`');
  return list;
};

type Admin = ReturnType<Kafka['admin']>;

async function withAdmin<T>(brokers: string[] | undefined, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka({ clientId: `e2e-admin-${randomUUID()}`, brokers: brokersOf(brokers), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

async function endOf(admin: Admin, topic: string): Promise<TopicMark> {
  return { topic, offsets: (await admin.fetchTopicOffsets(topic)).map(({ partition, offset }) => ({ partition, offset })) };
}

/** The topic's end offsets now (the topic must exist: the services create theirs at start). */
export function markTopic(topic: string, brokers?: string[]): Promise<TopicMark> {
  return withAdmin(brokers, (admin) => endOf(admin, topic));
}

/**
 * Commits a consumer group's offsets at the topic's end before its consumer first runs, so a
 * service started under a new group (a bench's) does not first read the topic's history, which
 * other runs filled. A topic that does not exist yet has no history: nothing to do.
 */
export function startGroupAtEnd(groupId: string, topic: string, brokers?: string[]): Promise<void> {
  return withAdmin(brokers, async (admin) => {
    if (!(await admin.listTopics()).includes(topic)) return;
    await admin.setOffsets({ groupId, topic, partitions: (await endOf(admin, topic)).offsets });
  });
}

export async function readEvents(options: ReadEventsOptions): Promise<ReadEvent[]> {
  const until = options.until ?? ((events) => events.length >= (options.count ?? 1));
  const kafka = new Kafka({ clientId: `e2e-reader-${randomUUID()}`, brokers: brokersOf(options.brokers), logLevel: logLevel.NOTHING });
  const groupId = `e2e-reader-${randomUUID()}`;
  const from = options.from;
  if (from) await withAdmin(options.brokers, (admin) => admin.setOffsets({ groupId, topic: from.topic, partitions: from.offsets }));
  const consumer = kafka.consumer({ groupId });
  const events: ReadEvent[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));

  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [options.topic], fromBeginning: !options.from });
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
        if (!options.filter || options.filter(event)) events.push(event);
        if (until(events)) done();
      },
    });
    const timeoutMs = options.timeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([finished.then(() => 'done' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      throw new Error(
        `Timed out after ${timeoutMs} ms reading ${options.topic}: collected ${events.length} matching event(s): ${events.map((e) => `${e.key}:${e.value.type}`).join(', ')}`,
      );
    }
    return events;
  } finally {
    await consumer.disconnect();
  }
}
