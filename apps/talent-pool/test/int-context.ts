/**
 * The talent-pool service graph on REAL servers for integration specs: a throw-away schema in
 * TEST_DATABASE_URL (migrations applied), the real Temporal dev server (a unique task queue, no
 * worker: started workflows just wait and are terminated at the end) and, when asked, Kafka.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import {
  AuditTrail,
  Jurisdiction,
  OrgUnitDirectory,
  OutboxWriter,
  fromRepoRoot,
  PiiCipher,
  platformMigrations,
  ServiceClock,
  testing,
  type Principal,
} from '@cwp/platform';
import { talentPoolEventContracts, type EventContract } from '@cwp/contracts';
import { defaultPolicyCatalog } from '@cwp/policy';
import { EntriesService } from '../src/entries/entries.service';
import { EntryEndings } from '../src/entries/entry-endings.service';
import { EntryEntity } from '../src/entries/entry.entity';
import { EntryRepository } from '../src/entries/entry.repository';
import { talentPoolMigrations } from '../src/entries/migrations';
import { EntryWorkflows } from '../src/workflow/entry-workflows';

export const streetPrincipal = (unit = '310104003'): Principal => ({ sub: `street-${unit}`, role: 'street', unit });
export const cityPrincipal: Principal = { sub: 'city-op', role: 'city', unit: '31' };

export interface IntContext {
  ds: testing.TestDataSource;
  repository: EntryRepository;
  entries: EntriesService;
  endings: EntryEndings;
  cipher: PiiCipher;
  client: Client;
  taskQueue: string;
  /** A service graph whose outbox knows only these contracts (to force a failure mid-transaction). */
  entriesWithOutbox(produces: readonly EventContract[]): EntriesService;
  close(): Promise<void>;
}

/**
 * `temporal`: use this client and task queue instead of the dev server (a time-skipping test
 * environment's: then `searchAttributes: false`, that server refuses unregistered attributes).
 */
export async function createIntContext(
  schemaPrefix: string,
  temporal?: { client: Client; taskQueue: string; searchAttributes: boolean },
): Promise<IntContext> {
  Logger.overrideLogger(process.env.TP_TEST_LOGS ? ['log', 'warn', 'error'] : ['error']);
  const ds = await testing.createTestDataSource({
    schemaPrefix,
    entities: [EntryEntity],
    migrations: [...platformMigrations, ...talentPoolMigrations],
  });
  const directory = OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json'));
  const audit = new AuditTrail(ds);
  const jurisdiction = new Jurisdiction(directory, audit);
  const cipher = new PiiCipher({ encryption: randomBytes(32), personRef: randomBytes(32) });
  const connection = temporal ? undefined : await Connection.connect({ address: requireEnv('TEMPORAL_ADDRESS') });
  const client = temporal?.client ?? new Client({ connection: connection!, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  const taskQueue = temporal?.taskQueue ?? `tp-it-${randomUUID()}`;
  const workflows = new EntryWorkflows(client, taskQueue, temporal?.searchAttributes ?? true);
  const repository = new EntryRepository(ds);
  const clock = new ServiceClock();
  const build = (produces: readonly EventContract[]) => {
    const outbox = new OutboxWriter('talent-pool', produces);
    const entries = new EntriesService(ds, repository, outbox, audit, jurisdiction, directory, cipher, workflows, clock, defaultPolicyCatalog());
    return { entries, endings: new EntryEndings(ds, repository, entries, outbox, audit, workflows, clock) };
  };
  const { entries, endings } = build(talentPoolEventContracts);

  return {
    ds,
    repository,
    entries,
    endings,
    cipher,
    client,
    taskQueue,
    entriesWithOutbox: (produces) => build(produces).entries,
    async close() {
      // Workflows started by the test may have no worker: end them so the server stays tidy.
      const ids = (await ds.query('SELECT id FROM entries')) as Array<{ id: string }>;
      for (const { id } of ids) {
        await client.workflow.getHandle(`talent-pool-entry:${id}`).terminate('integration test finished').catch(() => undefined);
      }
      await connection?.close();
      await ds.destroy();
    },
  };
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run \`bash infra/local/stack.sh up\``);
  return value;
}
