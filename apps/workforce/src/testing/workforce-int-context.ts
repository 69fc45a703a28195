/**
 * An integration context for workforce specs, built from the feature modules under test with the
 * real platform pieces around them: a throw-away schema in TEST_DATABASE_URL (every workforce
 * migration), the real org tree, audit trail, jurisdiction and outbox, the shipped policy catalog
 * and a fresh PII key. Specs get services from the Nest container (`ctx.get(OrgUnitsService)`),
 * never with positional `new`, so a constructor change does not break them. Test code only.
 */
import { randomBytes } from 'node:crypto';
import { Global, Logger, Module, type DynamicModule, type Type } from '@nestjs/common';
import { Test, type TestingModule, type TestingModuleBuilder } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { workforceQuotaEventContracts, workforceWorkerEventContracts, type EventContract } from '@cwp/contracts';
import { AuditTrail, derivePersonRefKey, fromRepoRoot, Jurisdiction, OrgUnitDirectory, OutboxWriter, testing } from '@cwp/platform';
import { WorkforceCoreModule, type WorkforceSettings } from '../core';
import { workforceMigrations } from '../migrations';

export const ORG_TREE_FILE = fromRepoRoot('seeds/org-tree/shanghai.json');

export interface WorkforceIntContextOptions {
  /** Readable prefix of the throw-away schema, e.g. `wf_quotas_it`. */
  schemaPrefix: string;
  /** The feature modules under test. */
  imports: Array<Type<unknown> | DynamicModule>;
  /** Contracts the outbox accepts (default: every workforce contract). */
  produces?: readonly EventContract[];
  /** Migrations of the schema (default: every workforce migration). */
  migrations?: Function[];
  settings?: Partial<WorkforceSettings>;
  /** Share another context's schema (it stays open when this context closes). */
  dataSource?: testing.TestDataSource;
  /** Provider overrides (`builder.overrideProvider(X).useValue(…)`). */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

export interface WorkforceIntContext {
  ds: testing.TestDataSource;
  directory: OrgUnitDirectory;
  moduleRef: TestingModule;
  get<T>(type: Type<T> | symbol): T;
  close(): Promise<void>;
}

export const TEST_SETTINGS: WorkforceSettings = { seedOnStart: false, floatingQuotaPercent: 5, quotaReviewDecisionDays: 30, taskQueue: 'workforce-int-spec' };

export async function createWorkforceIntContext(options: WorkforceIntContextOptions): Promise<WorkforceIntContext> {
  Logger.overrideLogger(process.env.WF_TEST_LOGS ? ['log', 'warn', 'error'] : ['error']);
  const ownsSchema = options.dataSource === undefined;
  const ds = options.dataSource ?? (await testing.createTestDataSource({ schemaPrefix: options.schemaPrefix, migrations: options.migrations ?? workforceMigrations }));
  const directory = OrgUnitDirectory.fromFile(ORG_TREE_FILE);
  const produces = options.produces ?? [...workforceQuotaEventContracts, ...workforceWorkerEventContracts];
  const encryption = randomBytes(32);

  /** What the platform's database, HTTP and outbox modules provide in the service. */
  @Global()
  @Module({
    providers: [
      { provide: DataSource, useValue: ds },
      { provide: OrgUnitDirectory, useValue: directory },
      { provide: OutboxWriter, useValue: new OutboxWriter('workforce', produces) },
      AuditTrail,
      Jurisdiction,
    ],
    exports: [DataSource, OrgUnitDirectory, OutboxWriter, AuditTrail, Jurisdiction],
  })
  class PlatformTestModule {}

  let builder = Test.createTestingModule({
    imports: [
      PlatformTestModule,
      WorkforceCoreModule.forRoot({ settings: { ...TEST_SETTINGS, ...options.settings }, pii: { keys: { encryption, personRef: derivePersonRefKey(encryption) } } }),
      ...options.imports,
    ],
  });
  if (options.override) builder = options.override(builder);
  let moduleRef: TestingModule;
  try {
    moduleRef = await builder.compile();
  } catch (error) {
    if (ownsSchema) await ds.destroy();
    throw error;
  }
  return {
    ds,
    directory,
    moduleRef,
    get: (type) => moduleRef.get(type, { strict: false }),
    async close() {
      await moduleRef.close();
      if (ownsSchema) await ds.destroy();
    },
  };
}
