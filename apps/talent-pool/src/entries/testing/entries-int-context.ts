/**
 * The entries feature on REAL servers for integration and workflow specs: EntriesModule itself,
 * compiled and initialised by Nest beside the platform's Temporal module (WorkflowStarter,
 * WorkflowReconciler; no worker) and the platform's other providers for a throw-away schema in
 * TEST_DATABASE_URL (migrations applied): the real Temporal dev server (a unique task queue, no
 * worker: started workflows just wait and are terminated at the end) and a real Kafka inbox that
 * starts only when a spec starts it. Constructors are Nest's business: no positional `new`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Global, Logger, Module, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { Client, type Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  AuditTrail,
  InboxConsumer,
  Jurisdiction,
  POLICY_CATALOG,
  KafkaJsSubscriber,
  OrgUnitDirectory,
  OutboxWriter,
  PiiCipher,
  PlatformTemporalModule,
  ServiceClock,
  TEMPORAL_CONNECTION,
  createKafka,
  fromRepoRoot,
  kafkaBrokersFrom,
  testing,
  type InboxConsumerOptions,
  type Principal,
} from '@cwp/platform';
import { talentPoolEventContracts, type EventContract } from '@cwp/contracts';
import { defaultPolicyCatalog } from '@cwp/policy';
import { TALENT_POOL_SETTINGS, type TalentPoolSettings } from '../../core';
import { talentPoolMigrations } from '../../migrations';
import { EntriesModule } from '../entries.module';
import { EntriesService } from '../entries.service';
import { EntryEndings } from '../entry-endings.service';
import { EntryRepository } from '../entry.repository';
import { ENTRY_WORKFLOW_SEARCH_ATTRIBUTES } from '../workflow/entry-workflow.starter';

export const streetPrincipal = (unit = '310104003'): Principal => ({ sub: `street-${unit}`, role: 'street', unit });
export const cityPrincipal: Principal = { sub: 'city-op', role: 'city', unit: '31' };

export interface EntriesIntContextOptions {
  /**
   * A time-skipping environment's connection, client and task queue (then `searchAttributes:
   * false`: that server refuses unregistered attributes).
   */
  temporal?: { connection: Connection; client: Client; taskQueue: string; searchAttributes: boolean };
  /** Options of the real inbox consumer (it starts only when a spec calls `start()`). */
  inbox?: InboxConsumerOptions;
}

export interface EntriesIntContext {
  ds: testing.TestDataSource;
  module: TestingModule;
  repository: EntryRepository;
  entries: EntriesService;
  endings: EntryEndings;
  cipher: PiiCipher;
  client: Client;
  taskQueue: string;
  settings: TalentPoolSettings;
  /** Any provider of the feature (e.g. the reconciler or the event handler). */
  get<T>(type: Type<T>): T;
  /** The same feature whose outbox knows only these contracts (to force a failure mid-transaction). */
  entriesWithOutbox(produces: readonly EventContract[]): Promise<EntriesService>;
  close(): Promise<void>;
}

export async function createEntriesIntContext(schemaPrefix: string, options: EntriesIntContextOptions = {}): Promise<EntriesIntContext> {
  Logger.overrideLogger(process.env.TP_TEST_LOGS ? ['log', 'warn', 'error'] : ['error']);
  const ds = await testing.createTestDataSource({ schemaPrefix, migrations: talentPoolMigrations });
  const directory = OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json'));
  const audit = new AuditTrail(ds);
  const cipher = new PiiCipher({ encryption: randomBytes(32), personRef: randomBytes(32) });
  const settings: TalentPoolSettings = {
    taskQueue: options.temporal?.taskQueue ?? `tp-it-${randomUUID()}`,
    hiredConsumer: `tp-it-hired-${randomUUID()}`,
  };
  // kafkajs connects on the first subscribe: a spec that never starts the inbox never talks to Kafka.
  const kafka = createKafka({ clientId: settings.hiredConsumer, brokers: kafkaBrokersFrom() });
  const inbox = new InboxConsumer(ds, new KafkaJsSubscriber(kafka), options.inbox);
  const modules: TestingModule[] = [];

  const compile = async (produces: readonly EventContract[]): Promise<TestingModule> => {
    @Global()
    @Module({
      providers: [
        { provide: DataSource, useValue: ds },
        { provide: OrgUnitDirectory, useValue: directory },
        { provide: AuditTrail, useValue: audit },
        { provide: Jurisdiction, useValue: new Jurisdiction(directory, audit) },
        { provide: OutboxWriter, useValue: new OutboxWriter('talent-pool', produces) },
        { provide: InboxConsumer, useValue: inbox },
        { provide: TALENT_POOL_SETTINGS, useValue: settings },
        { provide: ENTRY_WORKFLOW_SEARCH_ATTRIBUTES, useValue: options.temporal?.searchAttributes ?? true },
        { provide: POLICY_CATALOG, useFactory: defaultPolicyCatalog },
        { provide: PiiCipher, useValue: cipher },
        ServiceClock,
      ],
      exports: [DataSource, OrgUnitDirectory, AuditTrail, Jurisdiction, OutboxWriter, InboxConsumer, TALENT_POOL_SETTINGS, ENTRY_WORKFLOW_SEARCH_ATTRIBUTES, POLICY_CATALOG, PiiCipher, ServiceClock],
    })
    class PlatformForTests {}
    const temporal = PlatformTemporalModule.forService({
      taskQueue: settings.taskQueue,
      workflows: { workflowsPath: require.resolve('@cwp/talent-pool-workflows') },
      activities: () => ({}),
      runWorker: false,
      // Sweep off: a spec runs the reconciler itself.
      workflowStart: { sweepSeconds: 0 },
    });
    let builder = Test.createTestingModule({ imports: [PlatformForTests, temporal, EntriesModule] });
    if (options.temporal) {
      builder = builder.overrideProvider(TEMPORAL_CONNECTION).useValue(options.temporal.connection).overrideProvider(Client).useValue(options.temporal.client);
    }
    const compiled = await builder.compile();
    modules.push(compiled);
    return compiled;
  };
  const module = await compile(talentPoolEventContracts);
  // What the application's init does: the workflow registers with the reconciler, the worker.hired
  // handler with the inbox (which starts only when a spec starts it).
  await module.init();
  const client = module.get(Client);

  return {
    ds,
    module,
    repository: module.get(EntryRepository),
    entries: module.get(EntriesService),
    endings: module.get(EntryEndings),
    cipher,
    client,
    taskQueue: settings.taskQueue,
    settings,
    get: (type) => module.get(type),
    entriesWithOutbox: async (produces) => (await compile(produces)).get(EntriesService),
    async close() {
      await inbox.stop();
      // Workflows started by the test may have no worker: end them so the server stays tidy.
      const ids = (await ds.query('SELECT id FROM entries')) as Array<{ id: string }>;
      for (const { id } of ids) {
        await client.workflow.getHandle(`talent-pool-entry:${id}`).terminate('integration test finished').catch(() => undefined);
      }
      for (const compiled of modules) await compiled.close();
      await ds.destroy();
    },
  };
}
