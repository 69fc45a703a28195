import { randomUUID } from 'node:crypto';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { CloudEvent } from '@cwp/contracts';
import { createTestDataSource, eventually, type TestDataSource } from '../testing';
import { ensureTopics } from '../kafka/kafka-admin';
import { createKafka, kafkaBrokersFrom } from '../kafka/kafka-client';
import { uniqueName } from '../testing';
import { KafkaJsSubscriber } from '../kafka/kafkajs-subscriber';
import { InboxConsumer } from './inbox-consumer';
import { inboxMigrations } from './inbox.migrations';

class CreateEffects1800000000000 implements MigrationInterface {
  name = 'CreateEffects1800000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE effects (id bigserial PRIMARY KEY, event_id text NOT NULL, amount int NOT NULL)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE effects');
  }
}

jest.setTimeout(60_000);

const service = uniqueName('it-inbox');
const type = `cwp.${service}.thing.credited.v1`;
// One topic per test: a new consumer group reads its topic from the beginning.
let topic = '';

function cloudEvent(amount: number, id = randomUUID()): CloudEvent<{ amount: number }> {
  return { id, source: `/cwp/${service}`, type, specversion: '1.0', time: new Date().toISOString(), subject: 'thing-1', data: { amount } };
}

describe('idempotent inbox consumer (real PostgreSQL and Kafka)', () => {
  let ds: TestDataSource;
  let kafka: Kafka;
  let producer: Producer;
  const stops: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    ds = await createTestDataSource({ schemaPrefix: 'inbox_it', migrations: [...inboxMigrations, CreateEffects1800000000000] });
    kafka = createKafka({ clientId: service, brokers: kafkaBrokersFrom() });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  }, 30_000);

  beforeEach(async () => {
    topic = `cwp.${service}.${uniqueName('things')}`;
    await ensureTopics(kafka, [{ topic, numPartitions: 1 }]);
  }, 30_000);

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  }, 30_000);

  afterAll(async () => {
    await producer?.disconnect();
    await ds?.destroy();
  }, 30_000);

  async function produce(...values: Array<string | CloudEvent>): Promise<void> {
    await producer.send({
      topic,
      acks: -1,
      messages: values.map((v) => ({ key: 'thing-1', value: typeof v === 'string' ? v : JSON.stringify(v) })),
    });
  }

  async function endOffset(): Promise<string> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [partition] = await admin.fetchTopicOffsets(topic);
      return partition!.high;
    } finally {
      await admin.disconnect();
    }
  }

  async function committedOffset(groupId: string): Promise<string> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return entry!.partitions[0]!.offset;
    } finally {
      await admin.disconnect();
    }
  }

  async function startConsumer(
    consumer: string,
    handle: (
      amount: number,
      em: Parameters<Parameters<InboxConsumer['registerEventHandler']>[0]['handle']>[0],
      event: CloudEvent,
    ) => Promise<void>,
  ) {
    const inbox = new InboxConsumer(ds, new KafkaJsSubscriber(kafka), { minBackoffMs: 20, maxBackoffMs: 100 });
    inbox.registerEventHandler<{ amount: number }>({
      consumer,
      topic,
      types: [type],
      handle: async (em, event) => {
        await em.query('INSERT INTO effects (event_id, amount) VALUES ($1, $2)', [event.id, event.data.amount]);
        await handle(event.data.amount, em, event);
      },
    });
    await inbox.start();
    stops.push(() => inbox.stop());
    return inbox;
  }

  async function effectsOf(eventId: string): Promise<number> {
    const [{ count }] = (await ds.query('SELECT count(*)::int AS count FROM effects WHERE event_id = $1', [eventId])) as Array<{
      count: number;
    }>;
    return count;
  }

  it('applies a twice-delivered event once, skips malformed messages and commits every offset', async () => {
    const consumer = uniqueName('dedupe');
    const duplicated = cloudEvent(5);
    const other = cloudEvent(7);
    await produce(duplicated, '{not json', JSON.stringify({ hello: 'no envelope' }), duplicated, other);
    const end = await endOffset();
    let calls = 0;
    await startConsumer(consumer, async () => {
      calls += 1;
    });
    await eventually(async () => ((await committedOffset(consumer)) === end ? true : undefined), 20_000, 'offsets committed to the end');
    expect(await effectsOf(duplicated.id)).toBe(1);
    expect(await effectsOf(other.id)).toBe(1);
    expect(calls).toBe(2);
    const inboxRows = (await ds.query('SELECT event_id FROM inbox WHERE consumer = $1 ORDER BY event_id', [consumer])) as Array<{
      event_id: string;
    }>;
    expect(inboxRows.map((r) => r.event_id).sort()).toEqual([duplicated.id, other.id].sort());
  });

  it('applies nothing again when the consumer group offset is reset and everything is redelivered', async () => {
    const consumer = uniqueName('reset');
    const event = cloudEvent(11);
    await produce(event);
    const end = await endOffset();
    let calls = 0;
    const first = await startConsumer(consumer, async () => {
      calls += 1;
    });
    await eventually(async () => ((await committedOffset(consumer)) === end ? true : undefined), 20_000, 'first pass committed');
    await first.stop();

    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: consumer, topic, earliest: true });
    await admin.disconnect();
    expect(await committedOffset(consumer)).not.toBe(end);

    let redelivered = 0;
    await startConsumer(consumer, async () => {
      redelivered += 1;
    });
    await eventually(async () => ((await committedOffset(consumer)) === end ? true : undefined), 20_000, 'second pass committed');
    expect(calls).toBe(1);
    expect(redelivered).toBe(0);
    expect(await effectsOf(event.id)).toBe(1);
  });

  it('starts before the producing service created its topic, then handles what arrives', async () => {
    topic = `cwp.${service}.${uniqueName('late')}`; // not created by beforeEach's ensureTopics
    const consumer = uniqueName('early');
    const event = cloudEvent(17);
    await startConsumer(consumer, async () => undefined);
    await produce(event);
    await eventually(async () => ((await effectsOf(event.id)) === 1 ? true : undefined), 20_000, 'effect of the late event');
  });

  it('runs afterCommit once per handled event, after the commit, with the handler result; never for a failed attempt or a duplicate', async () => {
    const consumer = uniqueName('after-commit');
    const event = cloudEvent(21);
    await produce(event, event);
    const end = await endOffset();
    const seen: Array<{ result: string; committedEffects: number }> = [];
    let attempts = 0;
    const inbox = new InboxConsumer(ds, new KafkaJsSubscriber(kafka), { minBackoffMs: 20, maxBackoffMs: 100 });
    inbox.registerEventHandler<{ amount: number }, string>({
      consumer,
      topic,
      types: [type],
      handle: async (em, e) => {
        await em.query('INSERT INTO effects (event_id, amount) VALUES ($1, $2)', [e.id, e.data.amount]);
        attempts += 1;
        if (attempts === 1) throw new Error('first attempt fails after writing');
        return `credited ${e.data.amount}`;
      },
      // Reads through the pool, outside the handler's transaction: sees the effect only once committed.
      afterCommit: async (result, e) => {
        seen.push({ result, committedEffects: await effectsOf(e.id) });
        throw new Error('a failing after-commit step is logged, not retried');
      },
    });
    await inbox.start();
    stops.push(() => inbox.stop());
    await eventually(async () => ((await committedOffset(consumer)) === end ? true : undefined), 20_000, 'both deliveries committed');
    expect(attempts).toBe(2);
    expect(seen).toEqual([{ result: 'credited 21', committedEffects: 1 }]);
  });

  it('retries a failing handler with backoff, rolls back its partial effect and commits the offset only after success', async () => {
    const consumer = uniqueName('retry');
    const event = cloudEvent(13);
    await produce(event);
    const end = await endOffset();
    const committedWhileFailing: string[] = [];
    let attempts = 0;
    await startConsumer(consumer, async () => {
      attempts += 1;
      if (attempts < 3) {
        committedWhileFailing.push(await committedOffset(consumer));
        throw new Error('downstream not ready');
      }
    });
    await eventually(async () => ((await committedOffset(consumer)) === end ? true : undefined), 20_000, 'offset after success');
    expect(attempts).toBe(3);
    expect(committedWhileFailing.every((offset) => offset !== end)).toBe(true);
    // The effect rows of the two failed attempts rolled back with their transactions.
    expect(await effectsOf(event.id)).toBe(1);
  });
});
