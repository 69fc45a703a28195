/**
 * The appraisal API on the real platform HTTP wiring (auth guard, validation pipe, exception
 * filter, idempotency, audit) over a throw-away PostgreSQL schema. Temporal is out of reach on
 * purpose (workflow starts fail after the commit and are left to the reconciler, as in an outage);
 * the workforce-events handler is not registered (the e2e suite covers it). Test code only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  AuditModule,
  OrgUnitDirectory,
  OutboxWriter,
  PlatformHttpModule,
  PlatformTemporalModule,
  WorkflowReconciler,
  configurePlatformApp,
  fromRepoRoot,
  mintLocalToken,
  testing,
  validateAll,
  type PlatformConfig,
  type Principal,
} from '@cwp/platform';
import { appraisalEventContracts } from '@cwp/contracts';
import { AppraisalCoreModule } from '../core';
import { CyclesModule } from '../cycles';
import { appraisalMigrations } from '../migrations';
import { RatingsModule } from '../ratings';
import { RecordsModule } from '../records';
import { WorkforceWorkersHandler } from '../records';
import { ResultsModule } from '../results';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
}

export interface AppraisalHttpApp {
  ds: testing.TestDataSource;
  app: INestApplication;
  call(
    method: string,
    url: string,
    opts?: { principal?: Principal; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<HttpResult>;
  /** Inserts worker records as the workforce `hired` events would. */
  hire(workers: { workerId: string; unitCode: string; entryRoute?: 'recruited' | 'elected' }[]): Promise<void>;
  close(): Promise<void>;
}

export const principalOf = (role: Principal['role'], unit: string): Principal => ({ sub: `${role}-${unit}`, role, unit });

export async function startAppraisalHttpApp(
  schemaPrefix: string,
  opts: { residentRatePerMinute?: number; excellentShareLimit?: number } = {},
): Promise<AppraisalHttpApp> {
  const keyDir = mkdtempSync(path.join(tmpdir(), 'cwp-appr-http-'));
  const ds = await testing.createTestDataSource({ schemaPrefix, migrations: appraisalMigrations });
  const directory = OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json'));
  const config: PlatformConfig = validateAll({
    SERVICE_NAME: 'appraisal',
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    KAFKA_BROKERS: '127.0.0.1:1',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    AUTH_LOCAL_KEY_FILE: path.join(keyDir, 'key.json'),
  }).platform;

  @Global()
  @Module({
    providers: [
      { provide: DataSource, useValue: ds },
      { provide: OutboxWriter, useValue: new OutboxWriter('appraisal', appraisalEventContracts) },
    ],
    exports: [DataSource, OutboxWriter],
  })
  class TestInfraModule {}

  @Module({
    imports: [
      TestInfraModule,
      PlatformHttpModule.forRoot({ config, directory }),
      // Temporal out of reach (as in an outage): starts are deferred to the reconciler, whose sweep is off.
      PlatformTemporalModule.forService({
        taskQueue: 'appraisal-int',
        address: '127.0.0.1:1',
        workflows: { workflowsPath: '' },
        activities: () => ({}),
        runWorker: false,
        exitOnWorkerFailure: false,
        workflowStart: { startTimeoutMs: 300, probeIntervalMs: 60_000, sweepSeconds: 0 },
      }),
      AppraisalCoreModule.forRoot({
        settings: {
          taskQueue: 'appraisal-int',
          timings: { admonishmentDays: 30, escalationDays: 14, noticeDays: 30, appealDays: 15 },
          excellentShareLimit: opts.excellentShareLimit ?? 0.2,
          residentRatePerMinute: opts.residentRatePerMinute ?? 1_000,
          workersConsumer: 'appraisal-int',
        },
        residentKey: randomBytes(32).toString('hex'),
        production: false,
      }),
      AuditModule,
      RecordsModule,
      CyclesModule,
      RatingsModule,
      ResultsModule,
    ],
  })
  class TestAppModule {}

  const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] })
    .overrideProvider(WorkforceWorkersHandler)
    .useValue({})
    .compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  configurePlatformApp(app, { serviceName: 'appraisal' });
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
    app,
    async call(method, url, o = {}) {
      const res = await fetch(`${base}/api/appraisal${url}`, {
        method,
        headers: {
          ...(o.principal ? { authorization: `Bearer ${await token(o.principal)}` } : {}),
          ...(o.body !== undefined || o.raw !== undefined ? { 'content-type': 'application/json' } : {}),
          ...o.headers,
        },
        ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : o.raw !== undefined ? { body: o.raw } : {}),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
    },
    async hire(workers) {
      await ds.query(
        `INSERT INTO worker_records (worker_id, unit_code, entry_route, hired_on, workflow_started_at)
         SELECT w, u, e, '2024-03-01', now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(w, u, e)`,
        [workers.map((w) => w.workerId), workers.map((w) => w.unitCode), workers.map((w) => w.entryRoute ?? 'recruited')],
      );
    },
    async close() {
      await app.get(WorkflowReconciler).idle();
      await app.close();
      await ds.destroy();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
