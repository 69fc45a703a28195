/**
 * The roster's Nest controllers on the real platform HTTP wiring (PlatformHttpModule +
 * configurePlatformApp: auth guard, validation pipe, exception filter, idempotency, audit),
 * listening on an ephemeral port over a throw-away PostgreSQL schema. Test code only.
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
  derivePersonRefKey,
  configurePlatformApp,
  fromRepoRoot,
  mintLocalToken,
  platformMigrations,
  testing,
  validateAll,
  type PlatformConfig,
  type Principal,
} from '@cwp/platform';
import { workforceWorkerEventContracts } from '@cwp/contracts';
import { WorkforceCoreModule } from '../../core';
import { TEST_SETTINGS } from '../../testing';
import { workersMigrations } from '../migrations';
import { WorkersModule } from '../workers.module';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
}

export interface WorkersHttpApp {
  ds: testing.TestDataSource;
  base: string;
  token(principal: Principal): Promise<string>;
  call(method: string, url: string, opts?: { principal?: Principal; body?: unknown; headers?: Record<string, string> }): Promise<HttpResult>;
  close(): Promise<void>;
}

export async function startWorkersHttpApp(schemaPrefix: string): Promise<WorkersHttpApp> {
  const keyDir = mkdtempSync(path.join(tmpdir(), 'cwp-wf-http-'));
  const ds = await testing.createTestDataSource({ schemaPrefix, migrations: [...platformMigrations, ...workersMigrations] });
  const directory = OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json'));
  const config: PlatformConfig = validateAll({
    SERVICE_NAME: 'workforce',
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    KAFKA_BROKERS: '127.0.0.1:1',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    AUTH_LOCAL_KEY_FILE: path.join(keyDir, 'key.json'),
  }).platform;
  const encryption = randomBytes(32);

  @Global()
  @Module({
    providers: [
      { provide: DataSource, useValue: ds },
      { provide: OutboxWriter, useValue: new OutboxWriter('workforce', workforceWorkerEventContracts) },
    ],
    exports: [DataSource, OutboxWriter],
  })
  class TestInfraModule {}

  @Module({
    imports: [
      TestInfraModule,
      PlatformHttpModule.forRoot({ config, directory }),
      WorkforceCoreModule.forRoot({ settings: TEST_SETTINGS, pii: { keys: { encryption, personRef: derivePersonRefKey(encryption) } } }),
      AuditModule,
      WorkersModule,
    ],
  })
  class TestAppModule {}

  const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  configurePlatformApp(app, { serviceName: 'workforce' });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${address.port}`;
  const tokens = new Map<string, string>();
  const token = async (p: Principal): Promise<string> => {
    const key = `${p.role}:${p.unit}:${p.sub}`;
    if (!tokens.has(key)) tokens.set(key, await mintLocalToken({ role: p.role, unit: p.unit, sub: p.sub }, config.auth, directory));
    return tokens.get(key)!;
  };

  return {
    ds,
    base,
    token,
    async call(method, url, opts = {}) {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: {
          ...(opts.principal ? { authorization: `Bearer ${await token(opts.principal)}` } : {}),
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...opts.headers,
        },
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await app.close();
      await ds.destroy();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
