// Test fixture for the operations integration specs (metrics, dead letters, traces): one small
// "service" on the real platform modules (HTTP, database, Kafka, outbox, inbox, optionally
// Temporal) over real HTTP, PostgreSQL, Kafka and Temporal. A POST appends an event; a handler
// (of this or another such service) records it, failing on command for poison-message tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import {
  Body,
  Controller,
  Inject,
  Injectable,
  Logger,
  Module,
  Post,
  type DynamicModule,
  type INestApplication,
  type OnModuleInit,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsString, Matches } from 'class-validator';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { defineEventContract, type CloudEvent } from '@cwp/contracts';
import { mintLocalToken } from '../../auth/mint-token';
import type { Role } from '../../auth/principal';
import { validateAll, type PlatformConfig } from '../../config/platform-config';
import { PlatformDatabaseModule } from '../../database/database.module';
import { platformMigrations } from '../../migrations';
import { createTestDataSource, type TestDataSource } from '../../testing';
import { configurePlatformApp } from '../../http/bootstrap';
import { PlatformHttpModule } from '../../http/platform-http.module';
import { InboxConsumer } from '../../inbox/inbox-consumer';
import { PlatformInboxModule } from '../../inbox/inbox.module';
import { PlatformKafkaModule } from '../../kafka/kafka.module';
import { PlatformLogger } from '../../logging/platform-logger';
import { uniqueName } from '../../testing';
import { OrgUnitDirectory } from '../../org-units/org-unit-directory';
import { PlatformOutboxModule } from '../../outbox/outbox.module';
import { OutboxWriter } from '../../outbox/outbox-writer';
import { PlatformTemporalModule } from '../../temporal/temporal.module';
import { platformHttpAdapter } from '../../http/platform-adapter';

export const directory = new OrgUnitDirectory([
  { code: '31', name: '上海市', kind: 'city', parent: null },
  { code: '310101', name: '黄浦区', kind: 'district', parent: '31' },
]);

export class CreateOpsTables1800000000001 implements MigrationInterface {
  name = 'CreateOpsTables1800000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE things (id text PRIMARY KEY)');
    await q.query('CREATE TABLE seen (thing_id text PRIMARY KEY, seq serial, trace_id text)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE seen; DROP TABLE things');
  }
}

export function thingContract(service: string) {
  return defineEventContract<{ thingId: string; key: string }>({
    type: `cwp.${service}.thing.created.v1`,
    topic: `cwp.${service}.things`,
    schema: {
      type: 'object',
      required: ['thingId', 'key'],
      additionalProperties: false,
      properties: { thingId: { type: 'string' }, key: { type: 'string' } },
    },
  });
}

class CreateThingDto {
  @IsString() @Matches(/^[a-z0-9-]{1,80}$/) id!: string;
  /** Aggregate key (the Kafka message key); defaults to the id. */
  @IsString() @Matches(/^[a-z0-9-]{1,80}$/) key!: string;
}

/** What the consuming side does with each event: which thing ids fail, what runs after commit. */
export class HandlerBehaviour {
  readonly failing = new Set<string>();
  afterCommit?: (event: CloudEvent<{ thingId: string; key: string }>) => Promise<void>;
  onHandle?: (event: CloudEvent<{ thingId: string; key: string }>) => string | undefined;
}

const OPTIONS = Symbol('OPS_APP_OPTIONS');

interface OpsAppOptions {
  service: string;
  /** The service whose things this one consumes (itself by default). */
  consumes: string;
  consumer: string;
}

@Controller('things')
class ThingsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(OPTIONS) private readonly options: OpsAppOptions,
  ) {}

  @Post()
  async create(@Body() dto: CreateThingDto): Promise<{ id: string; eventId: string }> {
    return this.dataSource.transaction(async (em) => {
      await em.query('INSERT INTO things (id) VALUES ($1)', [dto.id]);
      const event = await this.outbox.append(em, {
        contract: thingContract(this.options.service),
        key: dto.key,
        data: { thingId: dto.id, key: dto.key },
      });
      return { id: dto.id, eventId: event.id };
    });
  }
}

@Injectable()
class ThingsProjector implements OnModuleInit {
  private readonly logger = new Logger('ThingsProjector');

  constructor(
    private readonly inbox: InboxConsumer,
    private readonly behaviour: HandlerBehaviour,
    @Inject(OPTIONS) private readonly options: OpsAppOptions,
  ) {}

  onModuleInit(): void {
    const contract = thingContract(this.options.consumes);
    this.inbox.registerEventHandler<{ thingId: string; key: string }, CloudEvent<{ thingId: string; key: string }>>({
      consumer: this.options.consumer,
      topic: contract.topic,
      types: [contract.type],
      handle: async (em, event) => {
        if (this.behaviour.failing.has(event.data.thingId)) throw new Error(`refusing thing ${event.data.thingId} (test poison)`);
        await em.query('INSERT INTO seen (thing_id, trace_id) VALUES ($1, $2)', [
          event.data.thingId,
          this.behaviour.onHandle?.(event) ?? null,
        ]);
        this.logger.log({ msg: 'thing handled', thingId: event.data.thingId });
        return event;
      },
      afterCommit: async (event) => this.behaviour.afterCommit?.(event),
    });
  }
}

export interface OpsServiceApp {
  app: INestApplication;
  base: string;
  schema: TestDataSource;
  behaviour: HandlerBehaviour;
  service: string;
  consumer: string;
  token(role: Role): Promise<string>;
  /** The app's JSON log lines so far (warn and above). */
  logLines(): Array<Record<string, unknown>>;
  call(
    method: string,
    url: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; text: string }>;
  close(): Promise<void>;
}

export interface StartOpsAppOptions {
  prefix: string;
  /** Another app's service name whose events this one handles (default: its own). */
  consumes?: string;
  maxAttempts?: number;
  temporal?: Parameters<typeof PlatformTemporalModule.forService>[0];
  extraImports?: DynamicModule[];
  /** Lowest log level captured in logLines() (default warn). */
  logLevel?: 'info' | 'warn';
}

export async function startOpsServiceApp(options: StartOpsAppOptions): Promise<OpsServiceApp> {
  const service = uniqueName(options.prefix);
  const consumer = `${service}-projector`;
  const schema = await createTestDataSource({
    schemaPrefix: options.prefix.replace(/-/g, '_'),
    migrations: [...platformMigrations, CreateOpsTables1800000000001],
  });
  const config: PlatformConfig = validateAll({
    SERVICE_NAME: service,
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS,
    AUTH_LOCAL_KEY_FILE: path.join(mkdtempSync(path.join(tmpdir(), 'cwp-ops-it-')), 'key.json'),
  }).platform;
  const behaviour = new HandlerBehaviour();
  const appOptions: OpsAppOptions = { service, consumes: options.consumes ?? service, consumer };

  @Module({
    imports: [
      PlatformDatabaseModule.forService({
        schema: schema.schema,
        url: process.env.TEST_DATABASE_URL!,
        migrations: [...platformMigrations, CreateOpsTables1800000000001],
      }),
      PlatformHttpModule.forRoot({ config, directory }),
      PlatformKafkaModule.forService({ clientId: service }),
      PlatformOutboxModule.forService({ service, produces: [thingContract(service)] }),
      PlatformInboxModule.forService({
        minBackoffMs: 10,
        maxBackoffMs: 50,
        ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
      }),
      ...(options.temporal ? [PlatformTemporalModule.forService(options.temporal)] : []),
      ...(options.extraImports ?? []),
    ],
    controllers: [ThingsController],
    providers: [ThingsProjector, { provide: HandlerBehaviour, useValue: behaviour }, { provide: OPTIONS, useValue: appOptions }],
  })
  class OpsAppModule {}

  const moduleRef = await Test.createTestingModule({ imports: [OpsAppModule] }).compile();
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const app = moduleRef.createNestApplication<NestFastifyApplication>(platformHttpAdapter(), {
    logger: new PlatformLogger({ serviceName: service, level: options.logLevel ?? 'warn', destination }),
  });
  configurePlatformApp(app, { serviceName: service });
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  return {
    app,
    base,
    schema,
    behaviour,
    service,
    consumer,
    logLines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    token: (role) => mintLocalToken({ sub: `ops-it-${role}`, role, unit: role === 'city' ? '31' : '310101' }, config.auth, directory),
    async call(method, url, { token, body, headers } = {}) {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, body: parsed, text };
    },
    async close() {
      await app.close();
      await schema.destroy();
    },
  };
}
