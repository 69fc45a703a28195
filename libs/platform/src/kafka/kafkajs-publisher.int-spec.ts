/**
 * The publisher on the REAL broker: a batch bigger than the broker's message limit (issue 15:
 * 5,000 outbox events of ~600 B) is refused when sent as one request, and goes through the
 * publisher as consecutive requests, every message kept, in order.
 */
import type { Kafka } from 'kafkajs';
import { uniqueName } from '../testing/kafka-topics';
import { ensureTopics } from './kafka-admin';
import { createKafka, kafkaBrokersFrom } from './kafka-client';
import { KafkaJsPublisher } from './kafkajs-publisher';

const EVENTS = 5_000;
const message = (n: number) => ({ key: 'one-aggregate', value: JSON.stringify({ n, pad: 'x'.repeat(590) }) });

describe('KafkaJsPublisher: batches over the broker message limit (issue 15)', () => {
  let kafka: Kafka;

  beforeAll(() => {
    kafka = createKafka({ clientId: uniqueName('publisher-it'), brokers: kafkaBrokersFrom() });
  });

  async function endOffset(topic: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce((sum, p) => sum + Number(p.high), 0);
    } finally {
      await admin.disconnect();
    }
  }

  it('the broker refuses the whole batch as one request (the limit this guards against is real)', async () => {
    const topic = uniqueName('cwp.it.publisher-raw');
    await ensureTopics(kafka, [{ topic, numPartitions: 1 }]);
    const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await producer.connect();
    try {
      const messages = Array.from({ length: EVENTS }, (_, n) => message(n));
      await expect(producer.send({ topic, acks: -1, messages })).rejects.toThrow(/larger than the max message size/);
    } finally {
      await producer.disconnect();
    }
    expect(await endOffset(topic)).toBe(0);
  });

  it('publishes the same batch as requests under the limit: every message, in key order', async () => {
    const topic = uniqueName('cwp.it.publisher-split');
    await ensureTopics(kafka, [{ topic, numPartitions: 1 }]);
    const publisher = new KafkaJsPublisher(kafka);
    try {
      await publisher.publish(
        topic,
        Array.from({ length: EVENTS }, (_, n) => message(n)),
      );
    } finally {
      await publisher.disconnect();
    }
    expect(await endOffset(topic)).toBe(EVENTS);
    const consumer = kafka.consumer({ groupId: uniqueName('publisher-it'), maxWaitTimeInMs: 500 });
    const seen: number[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let resolveDone!: () => void;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    await consumer.run({
      eachMessage: async ({ message: m }) => {
        seen.push((JSON.parse(m.value!.toString()) as { n: number }).n);
        if (seen.length === EVENTS) resolveDone();
      },
    });
    await done;
    await consumer.disconnect();
    expect(seen).toEqual(Array.from({ length: EVENTS }, (_, n) => n));
  });
});
