/**
 * The worker.hired consumer over REAL Kafka and PostgreSQL: a redelivered event (same CloudEvent
 * id twice on the topic) joins the entries once (POOL-3), and their workflows are signalled only
 * after the inbox transaction committed.
 */
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { InboxConsumer, KafkaJsPublisher, createKafka, ensureTopics, kafkaBrokersFrom, testing } from '@cwp/platform';
import { TALENT_POOL_EVENT_TYPES, workerHiredContract, type CloudEvent, type WorkerHiredData } from '@cwp/contracts';
import { createEntriesIntContext, streetPrincipal, type EntriesIntContext } from '../testing/entries-int-context';
import { newRegistration } from '../testing/entry.builders';

let ctx: EntriesIntContext;
let kafka: Kafka;
let publisher: KafkaJsPublisher;
let consumer: string;

beforeAll(async () => {
  ctx = await createEntriesIntContext('tp_hired_it', { inbox: { fromBeginning: true, minBackoffMs: 50, maxBackoffMs: 500 } });
  consumer = ctx.settings.hiredConsumer;
  kafka = createKafka({ clientId: consumer, brokers: kafkaBrokersFrom() });
  await ensureTopics(kafka, [workerHiredContract.topic]);
  publisher = new KafkaJsPublisher(kafka);
  // The handler registered with the inbox at the module's init; now the inbox subscribes.
  await ctx.get(InboxConsumer).start();
}, 60_000);

afterAll(async () => {
  await publisher?.disconnect();
  await ctx?.close();
});

function hiredEvent(data: WorkerHiredData): CloudEvent<WorkerHiredData> {
  return {
    id: randomUUID(),
    source: '/cwp/workforce',
    type: workerHiredContract.type,
    specversion: '1.0',
    time: new Date().toISOString(),
    subject: data.workerId,
    data,
  };
}

async function publish(...events: Array<CloudEvent<WorkerHiredData>>): Promise<void> {
  await publisher.publish(
    workerHiredContract.topic,
    events.map((e) => ({ key: e.data.workerId, value: JSON.stringify(e) })),
  );
}

const statusOf = async (id: string): Promise<string> =>
  ((await ctx.ds.query('SELECT status FROM entries WHERE id = $1', [id])) as Array<{ status: string }>)[0]!.status;

async function joinedEventsOf(id: string): Promise<number> {
  const [row] = (await ctx.ds.query('SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND event_type = $2', [
    id,
    TALENT_POOL_EVENT_TYPES.joined,
  ])) as Array<{ n: string }>;
  return Number(row!.n);
}

describe('cwp.workforce.worker.hired.v1 consumer (POOL-3)', () => {
  it('POOL-3 joins every active entry of the person once, even when the event is delivered twice', async () => {
    const person = newRegistration();
    const inUnitA = await ctx.entries.register(person, streetPrincipal('310104003'));
    const inUnitB = await ctx.entries.register({ ...person, holdingUnit: '310104004' }, streetPrincipal('310104004'));
    const sentinelEntry = await ctx.entries.register(newRegistration(), streetPrincipal());
    const workerId = `w-${randomUUID()}`;
    const hired = hiredEvent({
      workerId,
      unitCode: '310104003001',
      personRef: ctx.cipher.personRef(person.nationalId),
      hiredOn: inUnitA.registeredOn,
      entryRoute: 'recruited',
      postCategory: 'staff',
    });
    // Same key → same partition, in order: once the sentinel's effect is visible, the redelivered
    // copy before it has been processed too.
    const sentinel = hiredEvent({
      workerId,
      unitCode: '310104003',
      talentPoolEntryId: sentinelEntry.id,
      hiredOn: inUnitA.registeredOn,
      entryRoute: 'elected',
      postCategory: 'head',
    });
    await publish(hired, hired, sentinel);

    await testing.eventually(
      async () => ((await statusOf(sentinelEntry.id)) === 'joined' ? true : undefined),
      30_000,
      'the sentinel entry to be joined',
    );

    expect(await statusOf(inUnitA.id)).toBe('joined');
    expect(await statusOf(inUnitB.id)).toBe('joined');
    expect(await joinedEventsOf(inUnitA.id)).toBe(1);
    expect(await joinedEventsOf(inUnitB.id)).toBe(1);
    const inboxRows = (await ctx.ds.query('SELECT count(*) AS n FROM inbox WHERE consumer = $1 AND event_id = $2', [
      consumer,
      hired.id,
    ])) as Array<{ n: string }>;
    expect(Number(inboxRows[0]!.n)).toBe(1);

    const row = (await ctx.ds.query('SELECT join_route, joined_worker_id, person_ref, name FROM entries WHERE id = $1', [
      inUnitA.id,
    ])) as Array<Record<string, unknown>>;
    expect(row[0]).toEqual({ join_route: 'worker-hired-event', joined_worker_id: workerId, person_ref: null, name: null });

    // After the commit, each joined entry's workflow received the join signal.
    await testing.eventually(
      async () => {
        const history = await ctx.client.workflow.getHandle(inUnitB.workflowId).fetchHistory();
        return history.events?.some((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'talentPoolEntryJoined')
          ? true
          : undefined;
      },
      15_000,
      'the join signal in the workflow history',
    );
  });

  it('ignores an event that names neither an active entry nor a known person', async () => {
    const bystander = await ctx.entries.register(newRegistration(), streetPrincipal());
    const workerId = `w-${randomUUID()}`;
    const unknown = hiredEvent({
      workerId,
      unitCode: '310104003',
      personRef: 'b'.repeat(64),
      hiredOn: bystander.registeredOn,
      entryRoute: 'recruited',
      postCategory: 'staff',
    });
    const marker = await ctx.entries.register(newRegistration(), streetPrincipal());
    await publish(
      unknown,
      hiredEvent({
        workerId,
        unitCode: '310104003',
        talentPoolEntryId: marker.id,
        hiredOn: marker.registeredOn,
        entryRoute: 'recruited',
        postCategory: 'staff',
      }),
    );
    await testing.eventually(
      async () => ((await statusOf(marker.id)) === 'joined' ? true : undefined),
      30_000,
      'the marker entry to be joined',
    );
    expect(await statusOf(bystander.id)).toBe('active');
  });
});
