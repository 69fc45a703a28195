import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { defineEventContract, type EventContract } from '@cwp/contracts';
import { ErrorCode } from '../errors';
import { createServiceDataSource } from '../database/data-source.factory';
import { createTestDataSource, eventually, type TestDataSource } from '../testing';
import { collectTopic, uniqueName, type TopicCollector } from '../testing';
import { createKafka, kafkaBrokersFrom } from '../kafka/kafka-client';
import { ensureTopics } from '../kafka/kafka-admin';
import { KafkaJsPublisher } from '../kafka/kafkajs-publisher';
import type { EventPublisher } from '../kafka/kafka.types';
import { outboxMigrations } from './outbox.migrations';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';
import { purgePublishedOutbox } from './purge-published';

interface Step {
  n: number;
  marker?: string;
}

jest.setTimeout(60_000);

const service = uniqueName('it-outbox');
const contract: EventContract<Step> = defineEventContract<Step>({
  type: `cwp.${service}.thing.stepped.v1`,
  topic: `cwp.${service}.things`,
  schema: {
    type: 'object',
    properties: { n: { type: 'integer', minimum: 0 }, marker: { type: 'string' } },
    required: ['n'],
    additionalProperties: false,
  },
});

describe('transactional outbox and relay (real PostgreSQL and Kafka)', () => {
  let ds: TestDataSource;
  let kafka: Kafka;
  let writer: OutboxWriter;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    ds = await createTestDataSource({ schemaPrefix: 'outbox_it', migrations: outboxMigrations });
    kafka = createKafka({ clientId: service, brokers: kafkaBrokersFrom() });
    await ensureTopics(kafka, [contract.topic]);
    writer = new OutboxWriter(service, [contract]);
  }, 30_000);

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await ds.query('TRUNCATE outbox');
  }, 30_000);

  afterAll(async () => {
    await ds?.destroy();
  });

  async function append(key: string, data: Step): Promise<void> {
    await ds.transaction((em) => writer.append(em, { contract, key, data }));
  }

  async function startRelay(dataSource: DataSource = ds, options = {}): Promise<{ relay: OutboxRelay; publisher: KafkaJsPublisher }> {
    const publisher = new KafkaJsPublisher(kafka);
    const relay = new OutboxRelay(dataSource, publisher, { intervalMs: 100, minBackoffMs: 50, maxBackoffMs: 500, ...options });
    await relay.start();
    cleanups.push(async () => {
      await relay.stop();
      await publisher.disconnect();
    });
    return { relay, publisher };
  }

  async function collect(): Promise<TopicCollector> {
    const collector = await collectTopic(kafka, contract.topic);
    cleanups.push(() => collector.stop());
    return collector;
  }

  /** Per key, the n values in order of first arrival (duplicates after a retry are ignored). */
  function firstArrivalOrder(collector: TopicCollector, runId: string): Map<string, number[]> {
    const seen = new Set<string>();
    const byKey = new Map<string, number[]>();
    for (const m of collector.messages) {
      const data = m.event.data as Step;
      if (!m.key?.startsWith(runId) || seen.has(m.event.id)) continue;
      seen.add(m.event.id);
      byKey.set(m.key, [...(byKey.get(m.key) ?? []), data.n]);
    }
    return byKey;
  }

  async function unpublishedCount(): Promise<number> {
    const [{ count }] = (await ds.query('SELECT count(*)::int AS count FROM outbox WHERE published_at IS NULL')) as Array<{
      count: number;
    }>;
    return count;
  }

  it('writes a CloudEvents 1.0 envelope in the caller transaction', async () => {
    const event = await ds.transaction((em) => writer.append(em, { contract, key: 'agg-1', data: { n: 0 } }));
    expect(event).toMatchObject({
      source: `/cwp/${service}`,
      type: contract.type,
      specversion: '1.0',
      subject: 'agg-1',
      datacontenttype: 'application/json',
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = (await ds.query('SELECT topic, message_key, envelope FROM outbox WHERE event_id = $1', [event.id])) as Array<{
      topic: string;
      message_key: string;
      envelope: unknown;
    }>;
    expect(row).toEqual({ topic: contract.topic, message_key: 'agg-1', envelope: event });
  });

  it('rejects data that breaks the contract schema, naming the field', async () => {
    const bad = ds.transaction((em) => writer.append(em, { contract, key: 'agg-1', data: { n: -1 } }));
    await expect(bad).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: 'data.n' });
  });

  it('rejects a phone number hidden in a free-text field, naming the field and not the value', async () => {
    const bad = ds.transaction((em) => writer.append(em, { contract, key: 'agg-1', data: { n: 1, marker: 'call 13812345678' } }));
    await expect(bad).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: 'data.marker' });
    await expect(bad).rejects.not.toThrow(/13812345678/);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(writer.append(ds.manager, { contract, key: 'agg-1', data: { n: 0 } })).rejects.toThrow(/inside dataSource.transaction/);
  });

  it('delivers events of one key in insertion order, and never an event from a rolled-back transaction', async () => {
    const runId = uniqueName('order');
    const keys = [`${runId}-a`, `${runId}-b`, `${runId}-c`];
    for (let n = 0; n < 10; n++) {
      for (const key of keys) await append(key, { n });
      if (n === 4) {
        // Sits between committed rows: had it been published, it would arrive before n = 5.
        await expect(
          ds.transaction(async (em) => {
            await writer.append(em, { contract, key: keys[0]!, data: { n: 99, marker: 'rolled-back' } });
            throw new Error('business failure after the append');
          }),
        ).rejects.toThrow('business failure');
      }
    }
    const collector = await collect();
    await startRelay(ds, { batchSize: 7 });
    // Keys land on different partitions, which the consumer fetches independently: wait for every key.
    const allArrived = () => keys.every((key) => (firstArrivalOrder(collector, runId).get(key)?.length ?? 0) >= 10);
    await eventually(async () => (allArrived() ? true : undefined), 20_000, 'all events');
    const order = firstArrivalOrder(collector, runId);
    for (const key of keys) expect(order.get(key)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(collector.messages.some((m) => (m.event.data as Step).marker === 'rolled-back')).toBe(false);
    expect(collector.messages.every((m) => m.event.subject === m.key)).toBe(true);
    await eventually(async () => ((await unpublishedCount()) === 0 ? true : undefined), 5_000, 'rows marked published');
  });

  it('publishes nothing while another relay of the same service holds the relay lock', async () => {
    await append(uniqueName('locked'), { n: 0 });
    const relay = new OutboxRelay(ds, new KafkaJsPublisher(kafka), { listen: false });
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [0x63777032]);
      await expect(relay.publishBatch()).resolves.toEqual({ busy: true });
      expect(await unpublishedCount()).toBe(1);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('loses nothing and keeps per-key order when a relay dies mid-stream and another takes over', async () => {
    const runId = uniqueName('restart');
    const keys = [`${runId}-a`, `${runId}-b`, `${runId}-c`, `${runId}-d`];
    const collector = await collect();
    // Two "processes": separate pools on the same schema, each with its own relay and producer.
    const ds2 = createServiceDataSource({ url: process.env.TEST_DATABASE_URL!, schema: ds.schema, poolSize: 3 });
    await ds2.initialize();
    cleanups.push(() => ds2.destroy()); // a plain DataSource: closes the pool, keeps the schema

    const writeRange = async (from: number, to: number) => {
      for (let n = from; n < to; n++) await Promise.all(keys.map((key) => append(key, { n })));
    };
    const { relay: relay1, publisher: publisher1 } = await startRelay(ds, { batchSize: 5 });
    const { relay: relay2 } = await startRelay(ds2, { batchSize: 5 });
    const writing = writeRange(0, 25);
    await eventually(async () => (collector.messages.length >= 20 ? true : undefined), 20_000, 'first events');
    // Kill relay 1's Kafka connection under it (a batch in flight fails and rolls back), then stop it.
    await publisher1.disconnect();
    await relay1.stop();
    await writing;
    // Written after relay 1 is gone: only relay 2 can publish these.
    await writeRange(25, 40);

    await eventually(async () => ((await unpublishedCount()) === 0 ? true : undefined), 30_000, 'every row published');
    await eventually(
      async () => (keys.every((k) => firstArrivalOrder(collector, runId).get(k)?.length === 40) ? true : undefined),
      20_000,
      'every event on Kafka',
    );
    const order = firstArrivalOrder(collector, runId);
    const expected = Array.from({ length: 40 }, (_, n) => n);
    for (const key of keys) expect(order.get(key)).toEqual(expected);
    expect(relay1.isRunning).toBe(false);
    expect(relay2.isRunning).toBe(true);
  });

  it('listens again after its LISTEN connection is killed, so commits still wake it at once', async () => {
    const runId = uniqueName('relisten');
    const collector = await collect();
    await startRelay(ds, { intervalMs: 10_000 });
    const listeners = async () =>
      (await ds.query("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query = 'LISTEN cwp_outbox'", [
        `cwp-${ds.schema}`,
      ])) as Array<{
        pid: number;
      }>;
    const [first] = await eventually(async () => ((await listeners()).length === 1 ? listeners() : undefined), 5_000, 'a LISTEN backend');
    await ds.query('SELECT pg_terminate_backend($1)', [first!.pid]);
    await eventually(async () => ((await listeners()).some((l) => l.pid !== first!.pid) ? true : undefined), 5_000, 'a new LISTEN backend');
    const started = Date.now();
    await append(`${runId}-a`, { n: 0 });
    await eventually(
      async () => (collector.messages.some((m) => m.key === `${runId}-a`) ? true : undefined),
      8_000,
      'event woken by NOTIFY',
    );
    // Far below the 10 s poll interval: the notification, not the timer, woke the relay.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('purges only rows published before the cut-off, never unpublished ones', async () => {
    await append(uniqueName('purge'), { n: 0 });
    await append(uniqueName('purge'), { n: 1 });
    await append(uniqueName('purge'), { n: 2 });
    await ds.query("UPDATE outbox SET published_at = now() - interval '40 days' WHERE seq = (SELECT min(seq) FROM outbox)");
    await ds.query("UPDATE outbox SET published_at = now() - interval '1 day' WHERE seq = (SELECT min(seq) + 1 FROM outbox)");
    await expect(purgePublishedOutbox(ds, 30, 1)).resolves.toBe(1);
    const rows = (await ds.query('SELECT published_at IS NULL AS pending FROM outbox ORDER BY seq')) as Array<{ pending: boolean }>;
    expect(rows.map((r) => r.pending)).toEqual([false, true]);
  });

  it('a Kafka failure on the third request of a transaction un-marks all its batches; the retry keeps first arrivals in order', async () => {
    const runId = uniqueName('mid');
    for (let n = 0; n < 12; n += 1) await append(`${runId}-${n % 2}`, { n });
    const collector = await collect();
    const real = new KafkaJsPublisher(kafka);
    cleanups.push(() => real.disconnect());
    let requests = 0;
    const failingThird: EventPublisher = {
      publish: async (topic, messages) => {
        requests += 1;
        if (requests === 3) throw new Error('broker gone on the third request');
        await real.publish(topic, messages);
      },
    };
    // Batches of 3: one transaction takes all four; the first two are sent, the third fails.
    const relay = new OutboxRelay(ds, failingThird, { batchSize: 3, listen: false });
    await expect(relay.publishBatch()).rejects.toThrow('third request');
    expect(requests).toBe(3);
    expect(await unpublishedCount()).toBe(12); // the marks of the two batches sent were rolled back
    await expect(relay.publishBatch()).resolves.toEqual({ published: 12 });
    expect(await unpublishedCount()).toBe(0);
    const order = await eventually(
      async () => {
        const byKey = firstArrivalOrder(collector, runId);
        return (byKey.get(`${runId}-0`)?.length ?? 0) + (byKey.get(`${runId}-1`)?.length ?? 0) === 12 ? byKey : undefined;
      },
      20_000,
      'all twelve events',
    );
    expect(order.get(`${runId}-0`)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(order.get(`${runId}-1`)).toEqual([1, 3, 5, 7, 9, 11]);
  });

  it('rolls back and retries when Kafka is unreachable, leaving the rows unpublished', async () => {
    const runId = uniqueName('down');
    await append(`${runId}-a`, { n: 0 });
    const deadKafka = new Kafka({
      clientId: 'dead',
      brokers: ['127.0.0.1:1'],
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      connectionTimeout: 300,
    });
    const relay = new OutboxRelay(ds, new KafkaJsPublisher(deadKafka), { listen: false });
    await expect(relay.publishBatch()).rejects.toThrow();
    expect(await unpublishedCount()).toBe(1);
    // The same row goes out once Kafka answers again.
    const collector = await collect();
    await startRelay();
    await eventually(
      async () => (collector.messages.some((m) => m.key === `${runId}-a`) ? true : undefined),
      20_000,
      'event after recovery',
    );
    await eventually(async () => ((await unpublishedCount()) === 0 ? true : undefined), 5_000, 'row published');
  });
});
