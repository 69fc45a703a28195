// Poison messages on real Kafka and PostgreSQL (issue 9 §3): a handler that keeps failing on one
// message no longer blocks its partition; the message is dead-lettered (row + topic, metric, log
// line) after INBOX_MAX_ATTEMPTS tries, later messages of the same key are handled in order, and
// a city operator lists and replays it through the inbox.
import type { Kafka } from 'kafkajs';
import { eventually } from '../testing';
import { EVENT_PUBLISHER, KAFKA_CLIENT, type EventPublisher } from '../kafka/kafka.types';
import { sampleValue } from '../metrics/prometheus-text';
import { startOpsServiceApp, type OpsServiceApp } from '../operations/test-fixtures/ops-service-app';
import { deadLetterTopicOf } from './dead-letter-store';

jest.setTimeout(120_000);

const MAX_ATTEMPTS = 3;

async function readTopic(
  kafka: Kafka,
  topic: string,
  count: number,
): Promise<Array<{ key: string | null; headers: Record<string, string> }>> {
  const consumer = kafka.consumer({ groupId: `dlq-reader-${Date.now()}-${Math.random()}`, maxWaitTimeInMs: 200 });
  const seen: Array<{ key: string | null; headers: Record<string, string> }> = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {}))
          if (value !== undefined) headers[name] = String(Array.isArray(value) ? value[0] : value);
        seen.push({ key: message.key?.toString() ?? null, headers });
      },
    });
    return await eventually(async () => (seen.length >= count ? seen : undefined), 15_000, `${count} message(s) on ${topic}`);
  } finally {
    await consumer.disconnect();
  }
}

describe('poison messages: dead letters (real Kafka)', () => {
  let svc: OpsServiceApp;
  let city: string;
  const seenOrder = async (): Promise<string[]> =>
    ((await svc.schema.query('SELECT thing_id FROM seen ORDER BY seq')) as Array<{ thing_id: string }>).map((r) => r.thing_id);
  const post = async (id: string, key: string) =>
    expect((await svc.call('POST', `/api/${svc.service}/things`, { token: city, body: { id, key } })).status).toBe(201);
  const deadLetters = async (query = '') => svc.call('GET', `/api/${svc.service}/dead-letters${query}`, { token: city });

  beforeAll(async () => {
    svc = await startOpsServiceApp({ prefix: 'dlq-it', maxAttempts: MAX_ATTEMPTS });
    city = await svc.token('city');
  });

  afterAll(async () => svc?.close());

  it('dead-letters the poison message after the bounded tries; the partition moves on in key order', async () => {
    svc.behaviour.failing.add('p-2');
    for (const id of ['p-1', 'p-2', 'p-3', 'p-4']) await post(id, 'same-key');

    await eventually(async () => ((await seenOrder()).length === 3 ? true : undefined), 30_000, 'p-1, p-3 and p-4 handled');
    // Same key, same partition: the messages that succeeded kept their order around the gap.
    expect(await seenOrder()).toEqual(['p-1', 'p-3', 'p-4']);

    const list = await deadLetters('?status=pending');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      consumer: svc.consumer,
      key: 'same-key',
      eventType: `cwp.${svc.service}.thing.created.v1`,
      attempts: MAX_ATTEMPTS,
      replayedAt: null,
    });
    expect(list.body[0].error).toContain('refusing thing p-2');

    const [copy] = await readTopic(svc.app.get<Kafka>(KAFKA_CLIENT), deadLetterTopicOf(svc.consumer), 1);
    expect(copy!.key).toBe('same-key');
    expect(copy!.headers['cwp-dead-letter-error']).toContain('refusing thing p-2');
    expect(copy!.headers['cwp-dead-letter-attempts']).toBe(String(MAX_ATTEMPTS));
    expect(copy!.headers['cwp-dead-letter-source']).toMatch(/^cwp\..+\.things\[\d\]@\d+$/);

    const metrics = (await svc.call('GET', '/metrics')).text;
    expect(sampleValue(metrics, 'cwp_inbox_dead_letters_total', { consumer: svc.consumer })).toBe(1);
    expect(sampleValue(metrics, 'cwp_inbox_handler_failures_total', { consumer: svc.consumer })).toBe(MAX_ATTEMPTS);
    expect(svc.logLines()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'error',
          msg: expect.stringContaining('dead-lettered'),
          consumer: svc.consumer,
          attempts: MAX_ATTEMPTS,
        }),
      ]),
    );
  });

  it('lists and replays for city operators only (others 403); a bad id is 404', async () => {
    const district = await svc.token('district');
    expect((await svc.call('GET', `/api/${svc.service}/dead-letters`, { token: district })).status).toBe(403);
    const [letter] = (await deadLetters()).body as Array<{ id: string }>;
    expect((await svc.call('POST', `/api/${svc.service}/dead-letters/${letter!.id}/replay`, { token: district })).status).toBe(403);
    const missing = await svc.call('POST', `/api/${svc.service}/dead-letters/00000000-0000-4000-8000-000000000000/replay`, { token: city });
    expect(missing.status).toBe(404);
    expect((await deadLetters('?status=everything')).status).toBe(400);
  });

  it('a replay that still fails answers 409 and keeps the letter pending; once fixed it goes through the inbox', async () => {
    const [letter] = (await deadLetters('?status=pending')).body as Array<{ id: string }>;
    const failed = await svc.call('POST', `/api/${svc.service}/dead-letters/${letter!.id}/replay`, { token: city });
    expect(failed.status).toBe(409);
    expect(failed.body).toMatchObject({ code: 'CONFLICT' });
    expect((await deadLetters('?status=pending')).body).toHaveLength(1);

    svc.behaviour.failing.delete('p-2');
    const replayed = await svc.call('POST', `/api/${svc.service}/dead-letters/${letter!.id}/replay`, { token: city });
    expect(replayed.status).toBe(200);
    expect(replayed.body).toEqual({ id: letter!.id, outcome: 'handled' });
    expect(await seenOrder()).toEqual(['p-1', 'p-3', 'p-4', 'p-2']);
    expect((await deadLetters('?status=replayed')).body).toEqual([expect.objectContaining({ id: letter!.id, replayOutcome: 'handled' })]);

    const again = await svc.call('POST', `/api/${svc.service}/dead-letters/${letter!.id}/replay`, { token: city });
    expect(again.status).toBe(409);
    const [audit] = (await svc.schema.query(
      "SELECT action, entity, entity_id, subject FROM audit_log WHERE entity = 'dead_letter'",
    )) as unknown[];
    expect(audit).toEqual({ action: 'replay', entity: 'dead_letter', entity_id: letter!.id, subject: 'ops-it-city' });
  });

  it('a replay of an event handled meanwhile (redelivered) is a duplicate: not applied twice', async () => {
    svc.behaviour.failing.add('p-5');
    await post('p-5', 'other-key');
    const letter = await eventually(
      async () => {
        const pending = (await deadLetters('?status=pending')).body as Array<{ id: string; eventId: string }>;
        return pending[0];
      },
      30_000,
      'p-5 dead-lettered',
    );
    svc.behaviour.failing.delete('p-5');
    // The producer sends it again (at-least-once): this time the handler succeeds.
    const [row] = (await svc.schema.query("SELECT topic, message_key, envelope FROM outbox WHERE message_key = 'other-key'")) as Array<{
      topic: string;
      message_key: string;
      envelope: unknown;
    }>;
    await svc.app
      .get<EventPublisher>(EVENT_PUBLISHER)
      .publish(row!.topic, [{ key: row!.message_key, value: JSON.stringify(row!.envelope) }]);
    await eventually(async () => ((await seenOrder()).includes('p-5') ? true : undefined), 15_000, 'p-5 handled on redelivery');

    const replayed = await svc.call('POST', `/api/${svc.service}/dead-letters/${letter.id}/replay`, { token: city });
    expect(replayed.body).toEqual({ id: letter.id, outcome: 'duplicate' });
    expect((await seenOrder()).filter((id) => id === 'p-5')).toHaveLength(1);
  });
});
