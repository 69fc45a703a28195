/**
 * The entries feature on REAL servers for integration and workflow specs, built with the platform
 * testing kit from EntriesModule itself (Nest wires every class: no positional `new`): a
 * throw-away schema in TEST_DATABASE_URL (platform + service migrations), the platform's HTTP,
 * policy and PII modules, Temporal (the dev server on a unique task queue with no worker, so
 * started workflows just wait and are terminated at the end, or a time-skipping environment),
 * and a real Kafka inbox that subscribes only when a spec starts it.
 */
import { randomUUID } from 'node:crypto';
import { Logger, type Type } from '@nestjs/common';
import { Client, type Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  InboxConsumer,
  KafkaJsSubscriber,
  PiiCipher,
  ServiceClock,
  TEMPORAL_CONNECTION,
  createKafka,
  kafkaBrokersFrom,
  testing,
  type InboxConsumerOptions,
  type Principal,
} from '@cwp/platform';
import { talentPoolEventContracts, type EventContract } from '@cwp/contracts';
import { TALENT_POOL_SETTINGS, type TalentPoolSettings } from '../../core';
import { entriesMigrations } from '../migrations';
import { EntriesModule } from '../entries.module';
import { EntriesService } from '../entries.service';
import { EntryEndings } from '../entry-endings.service';
import { EntryRepository } from '../entry.repository';
import { ENTRY_WORKFLOW_SEARCH_ATTRIBUTES } from '../workflow/entry-workflow';

export const streetPrincipal = (unit = '310104003'): Principal => ({ sub: `street-${unit}`, role: 'street', unit });
export const cityPrincipal: Principal = { sub: 'city-op', role: 'city', unit: '31' };

export interface EntriesIntContextOptions {
  /**
   * A time-skipping environment's connection, client and task queue (then `searchAttributes:
   * false`: that server refuses unregistered attributes).
   */
  temporal?: { connection: Connection; client: Client; taskQueue: string; searchAttributes: boolean };
  /** Options of the real inbox consumer (it subscribes only when a spec calls `start()`). */
  inbox?: InboxConsumerOptions;
}

export interface EntriesIntContext {
  ds: testing.TestDataSource;
  repository: EntryRepository;
  entries: EntriesService;
  endings: EntryEndings;
  cipher: PiiCipher;
  client: Client;
  taskQueue: string;
  settings: TalentPoolSettings;
  /** Any provider of the graph (e.g. the platform reconciler or the inbox). */
  get<T>(type: Type<T>): T;
  /** The same feature on the same schema, with an outbox that knows only these contracts (to force a failure mid-transaction). */
  entriesWithOutbox(produces: readonly EventContract[]): Promise<EntriesService>;
  close(): Promise<void>;
}

export async function createEntriesIntContext(schemaPrefix: string, options: EntriesIntContextOptions = {}): Promise<EntriesIntContext> {
  Logger.overrideLogger(process.env.TP_TEST_LOGS ? ['log', 'warn', 'error'] : ['error']);
  const settings: TalentPoolSettings = {
    taskQueue: options.temporal?.taskQueue ?? `tp-it-${randomUUID()}`,
    hiredConsumer: `tp-it-hired-${randomUUID()}`,
  };
  const contexts: testing.IntegrationContext[] = [];

  /** One graph; `sharedDs` puts it on an existing context's schema (its inbox is its own, never started). */
  const build = async (produces: readonly EventContract[], sharedDs?: DataSource): Promise<testing.IntegrationContext> => {
    const context = await testing.createIntegrationContext({
      service: 'talent-pool',
      schemaPrefix,
      imports: [EntriesModule],
      migrations: entriesMigrations,
      produces,
      // Sweep off: a spec runs the reconciler itself, or waits for its wake-up after an outage.
      temporal: { taskQueue: settings.taskQueue, workflowStart: { sweepSeconds: 0 } },
      providers: [
        { provide: TALENT_POOL_SETTINGS, useValue: settings },
        { provide: ENTRY_WORKFLOW_SEARCH_ATTRIBUTES, useValue: options.temporal?.searchAttributes ?? true },
        {
          provide: InboxConsumer,
          inject: [DataSource],
          // kafkajs connects on the first subscribe: a spec that never starts the inbox never talks to Kafka.
          useFactory: (ds: DataSource) =>
            new InboxConsumer(
              ds,
              new KafkaJsSubscriber(createKafka({ clientId: settings.hiredConsumer, brokers: kafkaBrokersFrom() })),
              options.inbox,
            ),
        },
        ServiceClock,
      ],
      override: (builder) => {
        let b = builder;
        if (sharedDs) b = b.overrideProvider(DataSource).useValue(sharedDs);
        if (options.temporal)
          b = b
            .overrideProvider(TEMPORAL_CONNECTION)
            .useValue(options.temporal.connection)
            .overrideProvider(Client)
            .useValue(options.temporal.client);
        return b;
      },
    });
    contexts.push(context);
    return context;
  };
  const main = await build(talentPoolEventContracts);
  const ds = main.ds;
  const client = main.get(Client);

  return {
    ds,
    repository: main.get(EntryRepository),
    entries: main.get(EntriesService),
    endings: main.get(EntryEndings),
    cipher: main.get(PiiCipher),
    client,
    taskQueue: settings.taskQueue,
    settings,
    get: (type) => main.get(type),
    entriesWithOutbox: async (produces) => (await build(produces, ds)).get(EntriesService),
    async close() {
      await main.get(InboxConsumer).stop();
      // Workflows started by the test may have no worker: end them so the server stays tidy.
      const ids = (await ds.query('SELECT id FROM entries')) as Array<{ id: string }>;
      for (const { id } of ids) {
        await client.workflow
          .getHandle(`talent-pool-entry:${id}`)
          .terminate('integration test finished')
          .catch(() => undefined);
      }
      for (const context of contexts.reverse()) await context.close();
    },
  };
}
