/**
 * Outbox throughput on the real servers: append N events (one transaction per event, C writers in
 * parallel), then let one relay publish them to Kafka and measure until every row is published.
 * `npm run bench -- libs/platform/src/outbox/outbox-relay.bench.ts [events=5000] [batchSize=200]`
 * Uses TEST_DATABASE_URL (a throw-away schema) and a throw-away topic.
 */
import { defineEventContract } from '@cwp/contracts';
import { createTestDataSource } from '../testing';
import { ensureTopics } from '../kafka/kafka-admin';
import { createKafka, kafkaBrokersFrom } from '../kafka/kafka-client';
import { uniqueName } from '../testing';
import { KafkaJsPublisher } from '../kafka/kafkajs-publisher';
import { withStackEnv } from '../config';
import { outboxMigrations } from './outbox.migrations';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

async function main(): Promise<void> {
  Object.assign(process.env, withStackEnv(process.env));
  const total = Number(process.argv[2] ?? 5_000);
  const batchSize = Number(process.argv[3] ?? 200);
  const writers = 8;
  const service = uniqueName('bench-outbox');
  const contract = defineEventContract<{ n: number; entryId: string }>({
    type: `cwp.${service}.entry.touched.v1`,
    topic: `cwp.${service}.entries`,
    schema: { type: 'object', required: ['n', 'entryId'], properties: { n: { type: 'integer' }, entryId: { type: 'string' } } },
  });
  const ds = await createTestDataSource({ schemaPrefix: 'outbox_bench', migrations: outboxMigrations });
  const kafka = createKafka({ clientId: service, brokers: kafkaBrokersFrom() });
  await ensureTopics(kafka, [contract.topic]);
  const writer = new OutboxWriter(service, [contract]);
  const publisher = new KafkaJsPublisher(kafka);
  try {
    let next = 0;
    const appendStart = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async () => {
        for (let n = next++; n < total; n = next++) {
          await ds.transaction((em) => writer.append(em, { contract, key: `entry-${n % 500}`, data: { n, entryId: `entry-${n % 500}` } }));
        }
      }),
    );
    const appendMs = performance.now() - appendStart;

    const relay = new OutboxRelay(ds, publisher, { batchSize, listen: false, intervalMs: 50 });
    const relayStart = performance.now();
    await relay.start();
    for (;;) {
      const [{ left }] = (await ds.query('SELECT count(*)::int AS left FROM outbox WHERE published_at IS NULL')) as Array<{ left: number }>;
      if (left === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const relayMs = performance.now() - relayStart;
    await relay.stop();
    console.log(
      JSON.stringify({
        events: total,
        writers,
        appendMs: Math.round(appendMs),
        appendsPerSecond: Math.round((total / appendMs) * 1000),
        relayBatchSize: batchSize,
        relayMs: Math.round(relayMs),
        publishedPerSecond: Math.round((total / relayMs) * 1000),
      }),
    );
  } finally {
    await publisher.disconnect();
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
