// The webhook bridge on real servers: PostgreSQL (a throw-away schema), Kafka (events published by
// a real producer, consumed through the platform inbox) and a real HTTP receiver on loopback that
// fails, times out and goes down the way an HR system does. No fixed sleeps: every wait polls.
import { randomBytes, randomUUID } from 'node:crypto';
import { Global, Logger, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { workerChangedContract, workerHiredContract, type CloudEvent } from '@cwp/contracts';
import {
  AuditTrail,
  InboxConsumer,
  KafkaJsPublisher,
  KafkaJsSubscriber,
  OrgUnitDirectory,
  createKafka,
  kafkaBrokersFrom,
  fromRepoRoot,
  testing,
  type Principal,
} from '@cwp/platform';
import { webhooksConfig } from '../config';
import { SECRET_BOX, SecretBox, WebhooksCoreModule } from '../core';
import { webhooksMigrations } from '../migrations';
import { SubscriptionsModule, SubscriptionsService } from '../subscriptions';
import { WebhookReceiver } from '../testing';
import { DeliveriesModule } from './deliveries.module';
import { DeliveriesService } from './deliveries.service';
import { DeliveryDispatcher } from './delivery-dispatcher.service';
import { verifySignature } from './rules/signature';

const city: Principal = { sub: 'city-op', role: 'city', unit: '31' };
const HUANGPU = '310101';
const NANJING_EAST = '310101002'; // a street of 黄浦区
const XUHUI_STREET = '310104003'; // a street of 徐汇区

describe('webhook bridge (deliveries signed, retried, dead-lettered, replayed; order per key)', () => {
  let ds: testing.TestDataSource;
  let kafka: Kafka;
  let moduleRef: TestingModule;
  let inbox: InboxConsumer;
  let dispatcher: DeliveryDispatcher;
  let subscriptions: SubscriptionsService;
  let deliveries: DeliveriesService;
  let publisher: KafkaJsPublisher;
  const receiver = new WebhookReceiver();
  let url: string;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    process.env.WEBHOOKS_CONSUMER = `webhooks-it-${randomUUID()}`;
    process.env.WEBHOOKS_MIN_BACKOFF_MS = '50';
    process.env.WEBHOOKS_MAX_BACKOFF_MS = '200';
    // Generous: on a loaded machine a receiver's answer can take a while; the timeout test holds its request anyway.
    process.env.WEBHOOKS_TIMEOUT_MS = '3000';
    process.env.WEBHOOKS_MAX_ATTEMPTS = '4';
    process.env.WEBHOOKS_POLL_MS = '50';
    ds = await testing.createTestDataSource({ schemaPrefix: 'webhooks_it', migrations: webhooksMigrations });
    kafka = createKafka({ clientId: 'webhooks-it', brokers: kafkaBrokersFrom() });
    publisher = new KafkaJsPublisher(kafka);
    inbox = new InboxConsumer(ds, new KafkaJsSubscriber(kafka), { minBackoffMs: 20, maxBackoffMs: 100, fromBeginning: false });

    @Global()
    @Module({
      providers: [
        { provide: DataSource, useValue: ds },
        { provide: InboxConsumer, useValue: inbox },
        { provide: OrgUnitDirectory, useValue: OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json')) },
        { provide: AuditTrail, useFactory: () => new AuditTrail(ds) },
      ],
      exports: [DataSource, InboxConsumer, OrgUnitDirectory, AuditTrail],
    })
    class TestPlatformModule {}

    moduleRef = await Test.createTestingModule({
      imports: [TestPlatformModule, WebhooksCoreModule.forRoot(webhooksConfig.get()), SubscriptionsModule, DeliveriesModule],
    })
      // A key of the test's own: the PII key loading (state folder) is not what this spec is about.
      .overrideProvider(SECRET_BOX)
      .useValue(new SecretBox(randomBytes(32)))
      .compile();
    await moduleRef.init(); // registers the fan-out handlers and starts the dispatcher
    dispatcher = moduleRef.get(DeliveryDispatcher);
    subscriptions = moduleRef.get(SubscriptionsService);
    deliveries = moduleRef.get(DeliveriesService);
    url = await receiver.open();
    await inbox.start();
    await untilConsuming();
  }, 180_000);

  /**
   * The consumer starts at the log's end (fromBeginning false: the topic holds other suites'
   * events). On a broker just started, the group join and the first offset lookup can take many
   * seconds (CI saw "not the leader for that topic-partition" for a minute), and an event published
   * before that is skipped, or fanned out late to a later test's subscription. So probes (in a unit
   * no subscription here covers) are published until one reaches the inbox.
   */
  async function untilConsuming(): Promise<void> {
    const consumer = process.env.WEBHOOKS_CONSUMER;
    const probes: string[] = [];
    const deadline = Date.now() + 110_000;
    while (Date.now() < deadline) {
      const probe = hiredEvent(XUHUI_STREET);
      probes.push(probe.id);
      await publish(probe);
      const seen = await testing
        .eventually(
          async () => {
            const rows = (await ds.query(`SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = ANY($2)`, [
              consumer,
              probes,
            ])) as unknown[];
            return rows.length > 0 ? true : undefined;
          },
          3_000,
          'a probe in the inbox',
        )
        .catch(() => false);
      if (seen) return;
    }
    throw new Error(`The webhooks consumer took no probe event in 110 s (${probes.length} published)`);
  }

  afterAll(async () => {
    await inbox.stop();
    await publisher.disconnect();
    await moduleRef?.close();
    await receiver.close();
    await ds?.destroy();
  });

  function hiredEvent(unitCode: string, workerId: string = randomUUID()): CloudEvent {
    return {
      id: randomUUID(),
      source: '/cwp/workforce',
      type: workerHiredContract.type,
      specversion: '1.0',
      time: new Date().toISOString(),
      subject: workerId,
      datacontenttype: 'application/json',
      data: { workerId, unitCode, hiredOn: '2026-03-16', entryRoute: 'recruited', postCategory: 'staff' },
    };
  }

  function changedEvent(workerId: string, version: number): CloudEvent {
    return {
      ...hiredEvent(NANJING_EAST, workerId),
      type: workerChangedContract.type,
      data: { workerId, unitCode: NANJING_EAST, changedFields: ['postLevel'], version },
    };
  }

  async function publish(...events: CloudEvent[]): Promise<void> {
    await publisher.publish(
      workerHiredContract.topic,
      events.map((e) => ({ key: e.subject!, value: JSON.stringify(e) })),
    );
  }

  async function subscribe(unitScope: string, eventTypes = [workerHiredContract.type, workerChangedContract.type]) {
    return subscriptions.create({ name: `hr ${unitScope}`, url, eventTypes, unitScope }, city);
  }

  it('delivers each event once to the subscriptions whose scope holds its unit, signed with the subscription secret', async () => {
    const huangpu = await subscribe(HUANGPU);
    const event = hiredEvent(NANJING_EAST);
    const elsewhere = hiredEvent(XUHUI_STREET);
    await publish(event, elsewhere);
    const call = await testing.eventually(
      async () => receiver.calls.find((c) => c.headers['cwp-event-id'] === event.id),
      60_000,
      'the delivery',
    );
    expect(JSON.parse(call.body)).toEqual(event);
    expect(verifySignature(huangpu.secret, call.body, String(call.headers['cwp-signature']), new Date())).toBe(true);
    expect(verifySignature('whsec_wrong', call.body, String(call.headers['cwp-signature']), new Date())).toBe(false);
    // Replay protection: the same signature ten minutes later is refused.
    expect(verifySignature(huangpu.secret, call.body, String(call.headers['cwp-signature']), new Date(Date.now() + 600_000))).toBe(false);
    const page = await testing.eventually(
      async () => {
        const p = await deliveries.page(huangpu.id, { status: 'delivered' });
        return p.counts.delivered >= 1 ? p : undefined;
      },
      60_000,
      'delivered state',
    );
    expect(page.items.map((d) => d.eventId)).toEqual([event.id]);
    // 徐汇区's event is outside 黄浦区's scope: no delivery row at all.
    expect(page.counts).toEqual({ pending: 0, delivered: 1, dead: 0 });
    await subscriptions.deactivate(huangpu.id, city);
  });

  it('retries 500s and timeouts with backoff, then delivers: one delivery id and one event id across every try', async () => {
    const sub = await subscribe(NANJING_EAST, [workerHiredContract.type]);
    const event = hiredEvent(NANJING_EAST);
    let tries = 0;
    receiver.behave = ({ headers }) => {
      if (headers['cwp-event-id'] !== event.id) return 200;
      tries += 1;
      return tries === 1 ? 500 : tries === 2 ? 'timeout' : 200;
    };
    await publish(event);
    const delivered = await testing.eventually(
      async () => {
        const p = await deliveries.page(sub.id, { status: 'delivered' });
        return p.items.find((d) => d.eventId === event.id);
      },
      60_000,
      'delivered after retries',
    );
    expect(delivered.attempts).toBe(3);
    const calls = receiver.calls.filter((c) => c.headers['cwp-event-id'] === event.id);
    expect(calls.map((c) => c.answered)).toEqual([500, 'timeout', 200]);
    expect(new Set(calls.map((c) => c.headers['cwp-delivery-id']))).toEqual(new Set([delivered.id]));
    expect(calls.map((c) => c.headers['cwp-attempt'])).toEqual(['1', '2', '3']);
    receiver.behave = () => 200;
    await subscriptions.deactivate(sub.id, city);
  });

  it('keeps order per key and loses nothing while the receiver is down, then catches up', async () => {
    const sub = await subscribe(NANJING_EAST);
    const port = receiver.port;
    await receiver.close();
    const workers = [randomUUID(), randomUUID(), randomUUID()];
    const events = workers.flatMap((w) => [hiredEvent(NANJING_EAST, w), changedEvent(w, 2), changedEvent(w, 3)]);
    await publish(...events);
    // Down: every head delivery fails (connection refused) and waits; later ones of its key wait behind it.
    await testing.eventually(
      async () => {
        const rows = (await ds.query(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE attempts >= 1)::int AS tried FROM deliveries WHERE subscription_id = $1`,
          [sub.id],
        )) as Array<{
          n: number;
          tried: number;
        }>;
        return rows[0].n === events.length && rows[0].tried >= workers.length ? true : undefined;
      },
      60_000,
      'every delivery written and each key tried while down',
    );
    const waiting = await deliveries.page(sub.id, { status: 'pending' });
    expect(waiting.counts.pending).toBe(events.length);
    expect(waiting.counts.delivered).toBe(0);
    await receiver.open(port);
    dispatcher.wake();
    await testing.eventually(
      async () => ((await deliveries.page(sub.id, {})).counts.delivered === events.length ? true : undefined),
      60_000,
      'all delivered',
    );
    const accepted = receiver.acceptedEventIds();
    for (const w of workers) {
      const sent = events.filter((e) => e.subject === w).map((e) => e.id);
      expect(accepted.filter((id) => sent.includes(id))).toEqual(sent); // in order, each once
    }
    await subscriptions.deactivate(sub.id, city);
  });

  it('dead-letters a delivery after the last allowed try, and a replay delivers it with the same ids', async () => {
    const sub = await subscribe(NANJING_EAST, [workerHiredContract.type]);
    const event = hiredEvent(NANJING_EAST);
    receiver.behave = ({ headers }) => (headers['cwp-event-id'] === event.id ? 503 : 200);
    await publish(event);
    const dead = await testing.eventually(async () => (await deliveries.page(sub.id, { status: 'dead' })).items[0], 60_000, 'dead letter');
    expect(dead).toMatchObject({ eventId: event.id, attempts: 4, lastStatus: 503 });
    receiver.behave = () => 200;
    await expect(deliveries.replay(dead.id, city)).resolves.toMatchObject({ status: 'pending', attempts: 0 });
    const delivered = await testing.eventually(
      async () => {
        const d = await deliveries.get(dead.id);
        return d.status === 'delivered' ? d : undefined;
      },
      60_000,
      'replayed delivery',
    );
    expect(delivered.attempts).toBe(1);
    const ids = receiver.calls.filter((c) => c.headers['cwp-event-id'] === event.id).map((c) => c.headers['cwp-delivery-id']);
    expect(new Set(ids)).toEqual(new Set([dead.id]));
    expect(ids).toHaveLength(5);
    const replayAudit = (await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [dead.id])) as Array<{ action: string }>;
    expect(replayAudit.map((a) => a.action)).toEqual(['webhook.delivery.replay']);
    await subscriptions.deactivate(sub.id, city);
  });

  it('a redelivered Kafka message makes no second delivery (inbox + unique (subscription, event))', async () => {
    const sub = await subscribe(NANJING_EAST, [workerHiredContract.type]);
    const event = hiredEvent(NANJING_EAST);
    await publish(event);
    await publish(event);
    await testing.eventually(
      async () => ((await deliveries.page(sub.id, {})).counts.delivered === 1 ? true : undefined),
      60_000,
      'delivered',
    );
    // Both copies have reached the inbox (one handled, one skipped as a duplicate) before we count.
    await testing.eventually(
      async () => {
        const rows = (await ds.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [event.id])) as Array<{ n: number }>;
        return rows[0].n === 1 ? true : undefined;
      },
      60_000,
      'inbox row',
    );
    expect(receiver.calls.filter((c) => c.headers['cwp-event-id'] === event.id)).toHaveLength(1);
    await subscriptions.deactivate(sub.id, city);
  });

  it('refuses a subscription to an unknown event type, a bad scope or a non-http URL, naming the field, storing nothing', async () => {
    const before = (await ds.query('SELECT count(*)::int AS n FROM subscriptions')) as Array<{ n: number }>;
    const error = await testing.domainErrorOf(
      subscriptions.create({ name: 'x', url, eventTypes: [workerHiredContract.type], unitScope: '319999' }, city),
    );
    expect(error.field).toBe('unitScope');
    const after = (await ds.query('SELECT count(*)::int AS n FROM subscriptions')) as Array<{ n: number }>;
    expect(after[0].n).toBe(before[0].n);
  });
});
