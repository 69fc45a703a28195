/**
 * The payroll feature modules on the real platform HTTP wiring (PlatformHttpModule +
 * configurePlatformApp: auth guard, validation pipe, exception filter, idempotency, audit) over a
 * throw-away PostgreSQL schema, with the outbox, an inbox on real Kafka (started by the spec that
 * needs it) and a Temporal client given by the spec. Test code only; never imported by the service.
 * kit: shape-kit's testing kit (int contexts from a feature module) replaces this harness once merged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Global, Logger, Module, type INestApplication, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  AuditModule,
  InboxConsumer,
  KafkaJsSubscriber,
  OrgUnitDirectory,
  OutboxWriter,
  PlatformHttpModule,
  configurePlatformApp,
  createKafka,
  fromRepoRoot,
  kafkaBrokersFrom,
  mintLocalToken,
  testing,
  validateAll,
  type PlatformConfig,
  type Principal,
} from '@cwp/platform';
import { payrollEventContracts } from '@cwp/contracts';
import { PayrollCoreModule, type PayrollSettings } from '../core';
import { payrollMigrations } from '../migrations';
import { MultiplierReviewsModule } from '../multiplier-review';
import { PayRunsModule } from '../payruns';
import { PerformancePoolsModule } from '../performance';
import { PolicyVersionsModule } from '../policy-versions';
import { RecalibrationModule } from '../recalibration';
import { WagesModule } from '../wages';
import { PayWorkersModule } from '../workers';

export interface HttpResult {
  status: number;
  body: any;
}

export interface PayrollTestApp {
  ds: testing.TestDataSource;
  settings: PayrollSettings;
  inbox: InboxConsumer;
  get<T>(type: Type<T>): T;
  call(method: string, url: string, opts?: { principal?: Principal; body?: unknown }): Promise<HttpResult>;
  close(): Promise<void>;
}

export const principalOf = (role: Principal['role'], unit: string): Principal => ({ sub: `${role}-${unit}`, role, unit });
export const CITY = principalOf('city', '31');

export async function startPayrollTestApp(options: {
  schemaPrefix: string;
  client?: Client;
  settings?: Partial<PayrollSettings>;
}): Promise<PayrollTestApp> {
  Logger.overrideLogger(process.env.WF_TEST_LOGS ? ['log', 'warn', 'error'] : ['error']);
  const keyDir = mkdtempSync(path.join(tmpdir(), 'cwp-payroll-'));
  const ds = await testing.createTestDataSource({ schemaPrefix: options.schemaPrefix, migrations: payrollMigrations });
  const directory = OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json'));
  const config: PlatformConfig = validateAll({
    SERVICE_NAME: 'payroll',
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:1',
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:1',
    AUTH_LOCAL_KEY_FILE: path.join(keyDir, 'key.json'),
  }).platform;
  const settings: PayrollSettings = {
    taskQueue: testing.uniqueName('payroll-it'),
    workersConsumer: testing.uniqueName('payroll-workers-it'),
    performanceConsumer: testing.uniqueName('payroll-performance-it'),
    applyChunk: 50,
    applyChunksPerActivity: 3,
    ...options.settings,
  };
  const subscriber = new KafkaJsSubscriber(createKafka({ clientId: settings.workersConsumer, brokers: kafkaBrokersFrom() }));
  const inbox = new InboxConsumer(ds, subscriber, { fromBeginning: true, minBackoffMs: 50, maxBackoffMs: 500 });
  const client = options.client ?? new Client({ connection: Connection.lazy({ address: config.temporalAddress }) });

  @Global()
  @Module({
    providers: [
      { provide: DataSource, useValue: ds },
      { provide: OutboxWriter, useValue: new OutboxWriter('payroll', payrollEventContracts) },
      { provide: InboxConsumer, useValue: inbox },
      { provide: Client, useValue: client },
    ],
    exports: [DataSource, OutboxWriter, InboxConsumer, Client],
  })
  class TestInfraModule {}

  @Module({
    imports: [
      TestInfraModule,
      PlatformHttpModule.forRoot({ config, directory }),
      PayrollCoreModule.forRoot(settings),
      AuditModule,
      PayWorkersModule,
      WagesModule,
      PolicyVersionsModule,
      RecalibrationModule,
      PayRunsModule,
      PerformancePoolsModule,
      MultiplierReviewsModule,
    ],
  })
  class TestAppModule {}

  const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  configurePlatformApp(app, { serviceName: 'payroll' });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const tokens = new Map<string, string>();
  const token = async (p: Principal): Promise<string> => {
    const key = `${p.role}:${p.unit}:${p.sub}`;
    if (!tokens.has(key)) tokens.set(key, await mintLocalToken({ role: p.role, unit: p.unit, sub: p.sub }, config.auth, directory));
    return tokens.get(key)!;
  };
  return {
    ds,
    settings,
    inbox,
    get: (type) => app.get(type, { strict: false }),
    async call(method, url, opts = {}) {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: {
          ...(opts.principal ? { authorization: `Bearer ${await token(opts.principal)}` } : {}),
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      });
      // A workbook is binary: its bytes, not text.
      if ((res.headers.get('content-type') ?? '').includes('spreadsheetml'))
        return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
      const text = await res.text();
      return {
        status: res.status,
        body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text || undefined,
      };
    },
    async close() {
      await inbox.stop();
      await app.close();
      await ds.destroy();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
