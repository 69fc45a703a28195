import { Global, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { defineEventContract } from '@cwp/contracts';
import { platformMigrations } from '../migrations';
import { PlatformDatabaseModule } from '../database/database.module';
import { createTestDataSource, eventually, type TestDataSource } from '../testing';
import { ReadinessRegistry } from '../health';
import { PlatformKafkaModule } from '../kafka/kafka.module';
import { uniqueName } from '../testing';
import { PlatformOutboxModule } from '../outbox/outbox.module';
import { OutboxWriter } from '../outbox/outbox-writer';
import { InboxConsumer } from './inbox-consumer';
import { PlatformInboxModule } from './inbox.module';

jest.setTimeout(60_000);

class CreateDemoTables1800000000000 implements MigrationInterface {
  name = 'CreateDemoTables1800000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE things (id text PRIMARY KEY, version int NOT NULL DEFAULT 1)');
    await q.query('CREATE TABLE seen (thing_id text PRIMARY KEY, seen_at timestamptz NOT NULL DEFAULT now())');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE seen; DROP TABLE things');
  }
}

/** Far above the NOTIFY wake-up, so an effect that arrives sooner than half of it cannot be a poll. */
const RELAY_POLL_MS = 60_000;
const service = uniqueName('it-wiring');
const thingCreated = defineEventContract<{ thingId: string }>({
  type: `cwp.${service}.thing.created.v1`,
  topic: `cwp.${service}.things`,
  schema: { type: 'object', required: ['thingId'], additionalProperties: false, properties: { thingId: { type: 'string' } } },
});

/** What a service's feature code looks like: one transaction for the change and its event. */
@Injectable()
class ThingsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly inbox: InboxConsumer,
  ) {}

  onModuleInit(): void {
    this.inbox.registerEventHandler<{ thingId: string }>({
      consumer: `${service}-projector`,
      topic: thingCreated.topic,
      types: [thingCreated.type],
      handle: async (em, event) => {
        await em.query('INSERT INTO seen (thing_id) VALUES ($1)', [event.data.thingId]);
      },
    });
  }

  async create(id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.query('INSERT INTO things (id) VALUES ($1)', [id]);
      await this.outbox.append(em, { contract: thingCreated, key: id, data: { thingId: id } });
    });
  }
}

@Global()
@Module({ providers: [ReadinessRegistry], exports: [ReadinessRegistry] })
class TestHealthModule {}

describe('platform data modules wired in Nest (real PostgreSQL and Kafka)', () => {
  let schemaOwner: TestDataSource;
  let app: TestingModule;

  beforeAll(async () => {
    // Owns the schema (dropped in afterAll); the module connects to the same schema as a service would.
    schemaOwner = await createTestDataSource({
      schemaPrefix: 'wiring_it',
      migrations: [...platformMigrations, CreateDemoTables1800000000000],
    });
    app = await Test.createTestingModule({
      imports: [
        TestHealthModule,
        PlatformDatabaseModule.forService({
          schema: schemaOwner.schema,
          url: process.env.TEST_DATABASE_URL!,
          migrations: [...platformMigrations, CreateDemoTables1800000000000],
        }),
        PlatformKafkaModule.forService({ clientId: service }),
        PlatformOutboxModule.forService({ service, produces: [thingCreated], relay: { intervalMs: RELAY_POLL_MS } }),
        PlatformInboxModule.forService({ minBackoffMs: 20, maxBackoffMs: 200 }),
      ],
      providers: [ThingsService],
    }).compile();
    await app.init();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await schemaOwner?.destroy();
  }, 60_000);

  it('a committed change reaches a registered handler through outbox, relay, Kafka and inbox', async () => {
    const id = uniqueName('thing');
    const started = Date.now();
    await app.get(ThingsService).create(id);
    // The relay polls only every 60 s here: arriving well before that shows the NOTIFY-after-commit
    // wake-up works (the margin leaves room for a loaded machine).
    await eventually(
      async () => {
        const rows = (await schemaOwner.query('SELECT 1 FROM seen WHERE thing_id = $1', [id])) as unknown[];
        return rows.length === 1 ? true : undefined;
      },
      RELAY_POLL_MS / 2,
      'handler effect',
    );
    const elapsed = Date.now() - started;
    console.warn(`commit → handler effect through Kafka: ${elapsed} ms`);
    expect(elapsed).toBeLessThan(RELAY_POLL_MS / 2);
  });

  it('registers readiness checks for the database, Kafka, its consumers, the inbox and the relay, all up', async () => {
    const checks = await app.get(ReadinessRegistry).runAll(5_000);
    expect(Object.fromEntries(checks.map((c) => [c.name, c.status]))).toEqual({
      database: 'up',
      inbox: 'up',
      kafka: 'up',
      'kafka-consumers': 'up',
      'outbox-relay': 'up',
    });
  });

  it('starts and commits writes while Kafka is unreachable; readiness names what is down', async () => {
    const started = Date.now();
    const offline = await Test.createTestingModule({
      imports: [
        TestHealthModule,
        PlatformDatabaseModule.forService({
          schema: schemaOwner.schema,
          url: process.env.TEST_DATABASE_URL!,
          migrations: [...platformMigrations, CreateDemoTables1800000000000],
        }),
        PlatformKafkaModule.forService({ clientId: `${service}-offline`, brokers: ['127.0.0.1:1'] }),
        PlatformOutboxModule.forService({ service, produces: [thingCreated] }),
        PlatformInboxModule.forService(),
      ],
      providers: [ThingsService],
    }).compile();
    await offline.init();
    try {
      expect(Date.now() - started).toBeLessThan(5_000);
      const id = uniqueName('offline');
      await offline.get(ThingsService).create(id);
      const [row] = (await schemaOwner.query('SELECT published_at FROM outbox WHERE message_key = $1', [id])) as Array<{
        published_at: Date | null;
      }>;
      expect(row).toEqual({ published_at: null });
      const checks = await offline.get(ReadinessRegistry).runAll(3_000);
      const down = checks.filter((c) => c.status === 'down').map((c) => c.name);
      expect(down).toEqual(expect.arrayContaining(['kafka', 'inbox']));
      expect(down).not.toContain('database');
    } finally {
      await offline.close();
    }
    // Its event stays in the outbox for a relay that can reach Kafka (the first app's).
  });
});
