/**
 * The compacted worker state topic (issue 14 bootstrap) on the real PostgreSQL and Kafka: the
 * sweep publishes each changed worker's latest state through the outbox, the relay puts it on
 * `cwp.workforce.worker-state` keyed by worker id, and a consumer reading from the beginning ends
 * with every worker's current state, an exit as its terminal state. Events are found by this
 * run's worker ids.
 */
import { ConfigResourceTypes, type Kafka } from 'kafkajs';
import {
  WORKFORCE_WORKERS_TOPIC,
  WORKFORCE_WORKER_STATE_TOPIC,
  workerStateContract,
  workforceWorkerEventContracts,
  type WorkerStateData,
} from '@cwp/contracts';
import {
  AuditModule,
  createKafka,
  ensureTopics,
  KAFKA_CLIENT,
  kafkaBrokersFrom,
  KafkaJsPublisher,
  OutboxRelay,
  testing,
} from '@cwp/platform';
import { createWorkforceIntContext } from '../testing';
import { workersMigrations } from './migrations';
import { STREET_A1, newHire, principalOf } from './testing/workers-int-context';
import { WorkerStateModule } from './worker-state.module';
import { WorkerStateTopic } from './worker-state-topic';
import { WorkersModule } from './workers.module';
import { WorkersService } from './workers.service';
import { WorkerLifecycleService } from './worker-lifecycle.service';

jest.setTimeout(90_000);

const street = principalOf('street', STREET_A1);
let kafka: Kafka;
let ctx: testing.IntegrationContext;

beforeAll(async () => {
  kafka = createKafka({ clientId: testing.uniqueName('wf-worker-state-it'), brokers: kafkaBrokersFrom() });
  ctx = await createWorkforceIntContext({
    schemaPrefix: 'wf_state_it',
    imports: [AuditModule, WorkersModule, WorkerStateModule],
    migrations: workersMigrations,
    produces: [...workforceWorkerEventContracts, workerStateContract],
    providers: [{ provide: KAFKA_CLIENT, useValue: kafka }],
  });
});
afterAll(async () => {
  await ctx?.close();
});

/** Sweeps until the outbox holds `count` state events of these workers (a change is published once it is a second old). */
async function statesPublished(ids: string[], count: number): Promise<void> {
  await testing.eventually(async () => {
    await ctx.get(WorkerStateTopic).sweep();
    const [row] = (await ctx.ds.query(`SELECT count(*)::int AS n FROM outbox WHERE event_type = $1 AND message_key = ANY($2)`, [
      workerStateContract.type,
      ids,
    ])) as Array<{ n: number }>;
    return row!.n >= count ? row!.n : undefined;
  });
}

describe('cwp.workforce.worker-state', () => {
  it('a consumer from the beginning ends with each worker’s latest state; an exit is terminal; the topic is compacted', async () => {
    const workers = ctx.get(WorkersService);
    const lifecycle = ctx.get(WorkerLifecycleService);
    const changed = await workers.hire(newHire(), street);
    const leaving = await workers.hire(newHire(), street);
    await statesPublished([changed.id, leaving.id], 2);
    await workers.update(changed.id, { version: 1, postLevel: 7 }, street);
    await lifecycle.exit(
      leaving.id,
      { cause: 'law', effectiveOn: '2026-05-31', facts: { statutoryCause: '劳动合同法第四十四条' } },
      street,
    );
    // Published once the changes are behind the walk's horizon (a second after they began).
    await testing.eventually(async () => {
      await ctx.get(WorkerStateTopic).sweep();
      const [row] = (await ctx.ds.query(`SELECT count(*)::int AS n FROM outbox WHERE event_type = $1 AND message_key = ANY($2)`, [
        workerStateContract.type,
        [changed.id, leaving.id],
      ])) as Array<{ n: number }>;
      return row!.n === 4 ? true : undefined;
    });

    // The relay publishes in order: the roster's own events go first, to their topic.
    await ensureTopics(kafka, [WORKFORCE_WORKERS_TOPIC]);
    const publisher = new KafkaJsPublisher(kafka);
    const relay = new OutboxRelay(ctx.ds, publisher, { intervalMs: 100 });
    const collector = await testing.collectTopic(kafka, WORKFORCE_WORKER_STATE_TOPIC);
    await relay.start();
    try {
      const latest = await testing.eventually(
        async () => {
          const mine = collector.messages.filter((m) => m.key === changed.id || m.key === leaving.id);
          if (mine.length < 4) return undefined;
          const byKey = new Map<string, WorkerStateData>();
          // One key is one partition: its offsets are its order.
          for (const m of [...mine].sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset))))
            byKey.set(m.key!, m.event.data as WorkerStateData);
          return byKey;
        },
        60_000,
        'the four state events on Kafka',
      );
      expect(latest.get(changed.id)).toMatchObject({ workerId: changed.id, status: 'on-duty', postLevel: 7, version: 2, exitedOn: null });
      expect(latest.get(leaving.id)).toMatchObject({ workerId: leaving.id, status: 'exited', exitedOn: '2026-05-31', exitCause: 'law' });
      const event = collector.messages.find((m) => m.key === changed.id)!.event;
      expect(event).toMatchObject({ type: 'cwp.workforce.worker.state.v1', subject: changed.id, source: '/cwp/workforce' });
      expect(JSON.stringify(collector.messages.filter((m) => m.key === changed.id))).not.toMatch(/测试工作者|1990-05-17/);

      const admin = kafka.admin();
      await admin.connect();
      try {
        const described = await admin.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: ConfigResourceTypes.TOPIC, name: WORKFORCE_WORKER_STATE_TOPIC, configNames: ['cleanup.policy'] }],
        });
        expect(described.resources[0]!.configEntries[0]!.configValue).toBe('compact');
      } finally {
        await admin.disconnect();
      }
    } finally {
      await relay.stop();
      await collector.stop();
      await publisher.disconnect();
    }
  });
});
