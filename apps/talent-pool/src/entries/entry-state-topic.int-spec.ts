/**
 * The compacted entry state topic (issue 14 bootstrap) on the real PostgreSQL and Kafka: each
 * changed entry's latest state goes through the outbox onto `cwp.talent-pool.entry-state`, keyed
 * by entry id; a withdrawn entry ends on its terminal state, with no personal data on the topic.
 * Events are found by this run's entry ids.
 */
import type { Kafka } from 'kafkajs';
import { TALENT_POOL_ENTRIES_TOPIC, TALENT_POOL_ENTRY_STATE_TOPIC, entryStateContract, type EntryStateData } from '@cwp/contracts';
import {
  createKafka,
  ensureCompactedTopic,
  ensureTopics,
  kafkaBrokersFrom,
  KafkaJsPublisher,
  OutboxRelay,
  OutboxWriter,
  StateTopicSweep,
  testing,
} from '@cwp/platform';
import { entryStatePublication } from './entry-state-topic';
import type { EntryRow } from './entry.row';
import { createEntriesIntContext, streetPrincipal, type EntriesIntContext } from './testing/entries-int-context';
import { newRegistration } from './testing/entry.builders';

jest.setTimeout(90_000);

let ctx: EntriesIntContext;
let kafka: Kafka;
let sweeper: StateTopicSweep<EntryRow, EntryStateData>;
const street = streetPrincipal('310104003');

beforeAll(async () => {
  ctx = await createEntriesIntContext('tp_state_it');
  kafka = createKafka({ clientId: testing.uniqueName('tp-entry-state-it'), brokers: kafkaBrokersFrom() });
  sweeper = new StateTopicSweep(ctx.ds, new OutboxWriter('talent-pool', [entryStateContract]), kafka, entryStatePublication);
});
afterAll(async () => {
  await ctx?.close();
});

async function statesPublished(ids: string[], count: number): Promise<void> {
  await testing.eventually(async () => {
    await sweeper.sweep();
    const [row] = (await ctx.ds.query(`SELECT count(*)::int AS n FROM outbox WHERE event_type = $1 AND message_key = ANY($2)`, [
      entryStateContract.type,
      ids,
    ])) as Array<{ n: number }>;
    return row!.n >= count ? true : undefined;
  });
}

describe('cwp.talent-pool.entry-state', () => {
  it('a consumer from the beginning ends with each entry’s latest state; a withdrawal is terminal and carries no personal data', async () => {
    const staying = await ctx.entries.register(newRegistration(), street);
    const leaving = await ctx.entries.register(newRegistration(), street);
    await statesPublished([staying.id, leaving.id], 2);
    await ctx.endings.withdraw(leaving.id, { reason: 'candidate-request' }, street);
    await statesPublished([staying.id, leaving.id], 3);
    // The relay publishes the whole outbox in order: the entry events' topic is needed too.
    await ensureTopics(kafka, [TALENT_POOL_ENTRIES_TOPIC]);
    await ensureCompactedTopic(kafka, TALENT_POOL_ENTRY_STATE_TOPIC);
    const publisher = new KafkaJsPublisher(kafka);
    const relay = new OutboxRelay(ctx.ds, publisher, { intervalMs: 100 });
    const collector = await testing.collectTopic(kafka, TALENT_POOL_ENTRY_STATE_TOPIC);
    await relay.start();
    try {
      const latest = await testing.eventually(
        async () => {
          const mine = collector.messages.filter((m) => m.key === staying.id || m.key === leaving.id);
          if (mine.length < 3) return undefined;
          const byKey = new Map<string, EntryStateData>();
          for (const m of [...mine].sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset))))
            byKey.set(m.key!, m.event.data as EntryStateData);
          return { byKey, mine };
        },
        60_000,
        'the three state events on Kafka',
      );
      expect(latest.byKey.get(staying.id)).toMatchObject({ entryId: staying.id, status: 'active', endedOn: null, version: 1 });
      expect(latest.byKey.get(leaving.id)).toMatchObject({ entryId: leaving.id, status: 'withdrawn', withdrawReason: 'candidate-request' });
      const text = JSON.stringify(latest.mine);
      expect(text).not.toContain('李四');
      expect(text).not.toContain('13912345678');
    } finally {
      await relay.stop();
      await collector.stop();
      await publisher.disconnect();
    }
  });
});
