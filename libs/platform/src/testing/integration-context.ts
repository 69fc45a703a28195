import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Global, Module, type DynamicModule, type INestApplication, type ModuleMetadata, type Provider, type Type } from '@nestjs/common';
import type { TestingModule, TestingModuleBuilder } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { EventContract } from '@cwp/contracts';
import type { PolicyCatalog } from '@cwp/policy';
import { mintLocalToken } from '../auth/mint-token';
import type { Principal } from '../auth/principal';
import { validateAll, type PlatformConfig } from '../config/platform-config';
import { fromRepoRoot } from '../config/repo-paths';
import type { EntityList } from '../database/data-source.factory';
import { configurePlatformApp } from '../http/bootstrap';
import { PlatformHttpModule } from '../http/platform-http.module';
import { platformMigrations } from '../migrations/platform-migrations';
import { OrgUnitDirectory } from '../org-units/org-unit-directory';
import { OutboxWriter } from '../outbox/outbox-writer';
import { derivePersonRefKey } from '../pii/pii-keys';
import { PlatformPiiModule } from '../pii/pii.module';
import { PlatformPolicyModule } from '../policy/policy.module';
import { PlatformTemporalModule } from '../temporal/temporal.module';
import type { PlatformTemporalOptions } from '../temporal/temporal.options';
import { assertTestDatabaseUrl, createTestDataSource, type TestDataSource } from './test-database';
import { platformHttpAdapter } from '../http/platform-adapter';

type ModuleImport = NonNullable<ModuleMetadata['imports']>[number];

export interface IntegrationContextOptions {
  /** The service the feature belongs to (outbox source, SERVICE_NAME). */
  service: string;
  /** Readable prefix of the throw-away schema, e.g. `tp_entries_it`. */
  schemaPrefix: string;
  /** The feature's Nest module(s) under test, as the app imports them. */
  imports: ModuleImport[];
  /** The service's migrations (classes); the platform's are applied first. */
  migrations?: readonly Function[];
  entities?: EntityList;
  /** Event contracts the OutboxWriter accepts (default none: any append fails, as it should). */
  produces?: readonly EventContract[];
  /** Temporal on the stack's dev server: a unique task queue, no worker unless asked. Off by default. */
  temporal?: Partial<PlatformTemporalOptions>;
  /** Default: the shipped parameter versions. */
  policyCatalog?: () => PolicyCatalog;
  /** Extra global providers (the app core module's tokens, for instance). */
  providers?: Provider[];
  /** Listen on an ephemeral port with the platform's HTTP wiring (guard, pipe, filter, idempotency). */
  listen?: boolean;
  /** As the service's bootstrap passes them (PlatformAppOptions.fileBodyRoutes). */
  fileBodyRoutes?: readonly RegExp[];
  /** Last word on the graph: `(b) => b.overrideProvider(ServiceClock).useValue(fixedClock)`. */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

export interface IntegrationContext {
  readonly moduleRef: TestingModule;
  readonly app: INestApplication;
  readonly ds: TestDataSource;
  readonly config: PlatformConfig;
  readonly directory: OrgUnitDirectory;
  /** The Temporal task queue of this context (when `temporal` was given). */
  readonly taskQueue?: string;
  /** `http://127.0.0.1:<port>` when `listen` was set. */
  readonly baseUrl?: string;
  /** A provider of the graph, by class or token. */
  get<T>(token: Type<T> | string | symbol): T;
  /** A bearer token signed with the context's local key (for `listen`). */
  token(principal: Principal): Promise<string>;
  close(): Promise<void>;
}

let shanghai: OrgUnitDirectory | undefined;

/**
 * An integration context built from the feature's own Nest module, on the stack's real servers:
 * a throw-away schema in TEST_DATABASE_URL (platform + service migrations), the platform's HTTP,
 * policy and PII modules pointed at it (a fresh random PII key), Temporal on a unique task queue
 * when asked. Constructor changes of the feature's classes never break a spec: Nest wires them,
 * and the spec overrides what it must with `override`.
 */
export async function createIntegrationContext(options: IntegrationContextOptions): Promise<IntegrationContext> {
  // Loaded here, not at import: @cwp/platform is imported by production code, @nestjs/testing is a dev dependency.
  const { Test } = await import('@nestjs/testing');
  const keyDir = mkdtempSync(path.join(tmpdir(), 'cwp-int-'));
  const ds = await createTestDataSource({
    schemaPrefix: options.schemaPrefix,
    migrations: [...platformMigrations, ...(options.migrations ?? [])],
    ...(options.entities ? { entities: options.entities } : {}),
  });
  try {
    const config = validateAll({
      SERVICE_NAME: options.service,
      DATABASE_URL: assertTestDatabaseUrl(process.env.TEST_DATABASE_URL),
      KAFKA_BROKERS: process.env.KAFKA_BROKERS || '127.0.0.1:1',
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS || '127.0.0.1:1',
      AUTH_LOCAL_KEY_FILE: path.join(keyDir, 'local-signing-key.json'),
    }).platform;
    const directory = (shanghai ??= OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json')));
    const taskQueue = options.temporal
      ? (options.temporal.taskQueue ?? `${options.service}-it-${randomBytes(4).toString('hex')}`)
      : undefined;
    const encryption = randomBytes(32);

    @Global()
    @Module({
      providers: [
        { provide: DataSource, useValue: ds },
        { provide: OutboxWriter, useValue: new OutboxWriter(options.service, options.produces ?? []) },
        ...(options.providers ?? []),
      ],
      exports: [DataSource, OutboxWriter, ...(options.providers ?? []).map(tokenOf)],
    })
    class IntegrationInfraModule {}

    const platform: Array<ModuleImport | DynamicModule> = [
      IntegrationInfraModule,
      PlatformHttpModule.forRoot({ config, directory }),
      PlatformPolicyModule.forRoot(options.policyCatalog ? { catalog: options.policyCatalog } : {}),
      PlatformPiiModule.forRoot({ keys: { encryption, personRef: derivePersonRefKey(encryption) } }),
    ];
    if (options.temporal) {
      platform.push(
        PlatformTemporalModule.forService({
          workflows: { workflowsPath: '' },
          activities: () => ({}),
          runWorker: false,
          exitOnWorkerFailure: false,
          ...options.temporal,
          taskQueue: taskQueue!,
        }),
      );
    }
    let builder = Test.createTestingModule({ imports: [...platform, ...options.imports] });
    if (options.override) builder = options.override(builder);
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(platformHttpAdapter(), { logger: false });
    let baseUrl: string | undefined;
    if (options.listen) {
      configurePlatformApp(app, { serviceName: options.service, fileBodyRoutes: options.fileBodyRoutes });
      await app.listen(0, '127.0.0.1');
      baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    } else {
      await app.init();
    }
    return {
      moduleRef,
      app,
      ds,
      config,
      directory,
      ...(taskQueue ? { taskQueue } : {}),
      ...(baseUrl ? { baseUrl } : {}),
      get: <T>(token: Type<T> | string | symbol) => moduleRef.get<T>(token, { strict: false }),
      token: (principal) => mintLocalToken({ role: principal.role, unit: principal.unit, sub: principal.sub }, config.auth, directory),
      async close() {
        await app.close();
        await ds.destroy();
        rmSync(keyDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await ds.destroy();
    rmSync(keyDir, { recursive: true, force: true });
    throw error;
  }
}

function tokenOf(provider: Provider): Type<unknown> | string | symbol {
  if (typeof provider === 'function') return provider;
  return (provider as { provide: Type<unknown> | string | symbol }).provide;
}
