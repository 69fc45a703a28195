/**
 * Outbox throughput on the real servers (issue 15 goal 4): append N events, then let one relay
 * publish them to Kafka and measure until every row is published; beside it, in the same run, a
 * raw kafkajs `sendBatch` of the same messages (key, envelope, content-type header) at the same
 * batch size to a topic of the same partitions, acks = -1 like the relay (goal: relay ≥ 0.8×);
 * after an unmeasured warm-up pass, measured before and after the other paths (the mean is the baseline).
 * Then the raw outbox loop over a copy of the same rows: per transaction, take and mark one batch
 * in one statement, sendBatch it, commit: the least any outbox relay does, so raw sendBatch against
 * it is what reading and marking the rows in PostgreSQL costs on this machine, whoever writes the relay.
 *   npm run bench -- libs/platform/src/outbox/outbox-relay.bench.ts [events] [batchSize]
 * Defaults: 5,000 events in batches of 200; 65,000 in batches of 1,000 (payroll's relay batch) when
 * `npm run bench -- --size city` runs it. Up to 5,000 events are appended one transaction each (8
 * writers, the request path's figure); more go through appendMany (the batch path).
 * Uses TEST_DATABASE_URL (a throw-away schema) and throw-away topics.
 */
import { defineEventContract } from '@cwp/contracts';
import { benchSize, createTestDataSource, printBenchRow, uniqueName } from '../testing';
import { ensureTopics } from '../kafka/kafka-admin';
import { createKafka, kafkaBrokersFrom } from '../kafka/kafka-client';
import { KafkaJsPublisher } from '../kafka/kafkajs-publisher';
import { withStackEnv } from '../config';
import { outboxMigrations } from './outbox.migrations';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

const PER_EVENT_APPENDS_UP_TO = 5_000;

async function main(): Promise<void> {
  Object.assign(process.env, withStackEnv(process.env));
  const city = benchSize() === 'city';
  const total = Number(process.argv[2] ?? (city ? 65_000 : 5_000));
  const batchSize = Number(process.argv[3] ?? (city ? 1_000 : 200));
  const writers = 8;
  const service = uniqueName('bench-outbox');
  const contract = defineEventContract<{ n: number; entryId: string }>({
    type: `cwp.${service}.entry.touched.v1`,
    topic: `cwp.${service}.entries`,
    schema: { type: 'object', required: ['n', 'entryId'], properties: { n: { type: 'integer' }, entryId: { type: 'string' } } },
  });
  const rawTopic = `${contract.topic}.raw`;
  const ds = await createTestDataSource({ schemaPrefix: 'outbox_bench', migrations: outboxMigrations });
  const kafka = createKafka({ clientId: service, brokers: kafkaBrokersFrom() });
  await ensureTopics(kafka, [contract.topic, rawTopic]);
  const writer = new OutboxWriter(service, [contract]);
  const publisher = new KafkaJsPublisher(kafka);
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  try {
    const event = (n: number) => ({ key: `entry-${n % 500}`, data: { n, entryId: `entry-${n % 500}` } });
    let next = 0;
    const appendStart = performance.now();
    if (total <= PER_EVENT_APPENDS_UP_TO) {
      await Promise.all(
        Array.from({ length: writers }, async () => {
          for (let n = next++; n < total; n = next++) {
            await ds.transaction((em) => writer.append(em, { contract, ...event(n) }));
          }
        }),
      );
    } else {
      await ds.transaction((em) =>
        writer.appendMany(
          em,
          contract,
          Array.from({ length: total }, (_, n) => event(n)),
        ),
      );
    }
    const appendMs = performance.now() - appendStart;

    // The raw baseline's messages: the stored envelopes, read before its clock starts.
    const rows = (await ds.query('SELECT message_key, envelope FROM outbox ORDER BY seq')) as Array<{
      message_key: string;
      envelope: unknown;
    }>;
    const messages = rows.map((r) => ({
      key: r.message_key,
      value: JSON.stringify(r.envelope),
      headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
    }));
    // The raw outbox loop's backlog: a copy of the same rows, indexed like the outbox.
    await ds.query(`CREATE TABLE raw_outbox AS SELECT seq, message_key, envelope, published_at FROM outbox`);
    await ds.query(`CREATE INDEX ON raw_outbox (seq) WHERE published_at IS NULL`);
    await ds.query(`ANALYZE raw_outbox`);
    // Both producers connected before their clocks start (one warm-up message each, to the raw topic).
    await producer.connect();
    await producer.send({ topic: rawTopic, acks: -1, messages: [messages[0]!] });
    await publisher.publish(rawTopic, [messages[0]!]);
    const rawSendBatch = async (): Promise<number> => {
      const start = performance.now();
      for (let i = 0; i < messages.length; i += batchSize) {
        await producer.sendBatch({ acks: -1, topicMessages: [{ topic: rawTopic, messages: messages.slice(i, i + batchSize) }] });
      }
      return performance.now() - start;
    };
    // An unmeasured pass first: the first pass through kafkajs's encoder ran at half the speed of
    // later ones (133 against 65 ms for 5,000 events), which flattered every path measured after it.
    // Then raw sendBatch before and after the relay and the raw loop; the mean is the baseline.
    await rawSendBatch();
    const rawFirstMs = await rawSendBatch();

    // The relay's own report of each committed batch tells when the last event is out: no poll of
    // the table beside it (a count every 20 ms competed with the relay and rounded its time up).
    let published = 0;
    let allPublished!: () => void;
    const done = new Promise<void>((resolve) => (allPublished = resolve));
    const observer = {
      published: (_topic: string, count: number) => {
        published += count;
        if (published >= total) allPublished();
      },
      failed: () => undefined,
    };
    const relay = new OutboxRelay(ds, publisher, { batchSize, listen: false, intervalMs: 50 }, undefined, observer);
    const relayStart = performance.now();
    await relay.start();
    await done;
    const relayMs = performance.now() - relayStart;
    const [{ left }] = (await ds.query('SELECT count(*)::int AS left FROM outbox WHERE published_at IS NULL')) as Array<{ left: number }>;
    if (left !== 0) throw new Error(`${left} events left unpublished after the relay reported ${published}`);
    await relay.stop();

    // The least an outbox relay does: per transaction, take and mark one batch in one statement,
    // send it, commit. No advisory lock, pipelining, tracing or report: what the relay adds to raw sendBatch
    // that any outbox pays (reading and marking the rows in PostgreSQL) is the gap between the two.
    const rawLoopStart = performance.now();
    const runner = ds.createQueryRunner();
    try {
      for (let sent = batchSize; sent === batchSize;) {
        await runner.startTransaction();
        const taken = (await runner.query(
          `UPDATE raw_outbox o SET published_at = now()
             FROM (SELECT seq FROM raw_outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE) b
            WHERE o.seq = b.seq RETURNING o.message_key, o.envelope::text AS envelope`,
          [batchSize],
        )) as [Array<{ message_key: string; envelope: string }>, number];
        const batch = taken[0];
        if (batch.length) {
          await producer.sendBatch({
            acks: -1,
            topicMessages: [
              {
                topic: rawTopic,
                messages: batch.map((r) => ({ key: r.message_key, value: r.envelope, headers: messages[0]!.headers })),
              },
            ],
          });
        }
        await runner.commitTransaction();
        sent = batch.length;
      }
    } finally {
      await runner.release();
    }
    const rawLoopMs = performance.now() - rawLoopStart;
    const rawLastMs = await rawSendBatch();
    const rawMs = (rawFirstMs + rawLastMs) / 2;
    const perSecond = (ms: number): number => Math.round((total / ms) * 1000);
    console.log(
      JSON.stringify({
        events: total,
        appendedBy: total <= PER_EVENT_APPENDS_UP_TO ? `${writers} writers, one transaction per event` : 'appendMany, one transaction',
        appendMs: Math.round(appendMs),
        appendsPerSecond: perSecond(appendMs),
        batchSize,
        relayMs: Math.round(relayMs),
        publishedPerSecond: perSecond(relayMs),
        rawSendBatchMs: Math.round(rawMs),
        rawSendBatchFirstLastMs: [Math.round(rawFirstMs), Math.round(rawLastMs)],
        rawSentPerSecond: perSecond(rawMs),
        rawOutboxLoopMs: Math.round(rawLoopMs),
        rawOutboxLoopPerSecond: perSecond(rawLoopMs),
      }),
    );
    printBenchRow({
      measure: `outbox relay, ${total} events in batches of ${batchSize} (vs raw kafkajs sendBatch)`,
      unit: 'events/s',
      platform: perSecond(relayMs),
      baseline: perSecond(rawMs),
      goal: { atLeast: 0.8 },
    });
    printBenchRow({
      measure: `raw outbox loop (take-and-mark one batch, sendBatch, commit), ${total} events in batches of ${batchSize} (vs raw kafkajs sendBatch)`,
      unit: 'events/s',
      platform: perSecond(rawLoopMs),
      baseline: perSecond(rawMs),
    });
    printBenchRow({
      measure: `outbox relay, ${total} events in batches of ${batchSize} (vs the raw outbox loop)`,
      unit: 'events/s',
      platform: perSecond(relayMs),
      baseline: perSecond(rawLoopMs),
    });
  } finally {
    await producer.disconnect();
    await publisher.disconnect();
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
