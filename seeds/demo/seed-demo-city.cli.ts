/**
 * `npm run up` runs this once the services' own seeds have run (schemas migrated, org tree and
 * quotas loaded): the demo city, synthetic and marked so (seeds/demo/README.md).
 *
 *   npm run ts -- seeds/demo/seed-demo-city.cli.ts [--workers 62000] [--entries 300]
 *
 * Idempotent: a roster that has workers gets none, entries already present are skipped. Always
 * ends by writing <state>/demo-tour.env (the ids `npm run up`'s tour prints).
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { createServiceDataSource, loadPiiKeys, PiiCipher, platformMigrations, runMigrations, validateConfigOrExit } from '@cwp/platform';
import { shanghaiDate } from '@cwp/policy';
import { DEMO_EXITED_SHARE, DEMO_RESERVE_ENTRIES, DEMO_SEED, DEMO_WORKERS } from './demo-city';
import { findDemoTour, writeDemoTour } from './demo-tour';
import { loadOrgTreeFile } from './generator';
import { loadDemoWorkforce } from './load-demo-workforce';
import { planDemoEntries } from './reserve-entries';
import { seedDemoEntries } from './seed-demo-entries';
import { EntryEntity, talentPoolConfig, talentPoolMigrations, workforceConfig } from './service-internals';

function numberFlag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got ${process.argv[at + 1]}`);
  return value;
}

async function main(): Promise<void> {
  const workerCount = numberFlag('workers', DEMO_WORKERS);
  const entryCount = numberFlag('entries', DEMO_RESERVE_ENTRIES);
  const platform = validateConfigOrExit({ serviceName: 'demo-city', configs: [workforceConfig, talentPoolConfig] });
  const workforceSchema = workforceConfig.get().WORKFORCE_DB_SCHEMA;
  const pool = talentPoolConfig.get();
  const today = shanghaiDate(new Date());
  const { units } = loadOrgTreeFile(platform.orgTreeFile);

  const client = new Client({ connectionString: platform.databaseUrl, application_name: 'cwp-demo-city' });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${workforceSchema}"`);
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units');
    if (rows[0]!.n === 0) throw new Error(`no org units in schema ${workforceSchema}: run the workforce seed first (npm run seed -w apps/workforce)`);

    const started = performance.now();
    const workforce = await loadDemoWorkforce(client, { units, seed: DEMO_SEED, size: workerCount, asOf: today, exitedShare: DEMO_EXITED_SHARE });
    if (workforce.loaded) {
      await client.query('ANALYZE workers; ANALYZE worker_history');
      const history = Object.entries(workforce.history).map(([kind, n]) => `${n} ${kind}`).join(', ');
      console.log(
        `demo city: ${workforce.workers} synthetic workers (${workforce.exited} exited) copied in ${(workforce.copyMs / 1000).toFixed(1)} s, ` +
          `history (${history}) in ${(workforce.historyMs / 1000).toFixed(1)} s; ${((performance.now() - started) / 1000).toFixed(1)} s with ANALYZE`,
      );
    } else {
      console.log(`demo city: the roster of schema ${workforceSchema} already has workers; none added`);
    }

    const dataSource = createServiceDataSource({
      url: platform.databaseUrl,
      schema: pool.TALENT_POOL_DB_SCHEMA,
      entities: [EntryEntity],
      migrations: [...platformMigrations, ...talentPoolMigrations],
      applicationName: 'cwp-demo-city',
      poolSize: 2,
    });
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
      const cipher = new PiiCipher(loadPiiKeys(pool, platform.stateDir));
      const entries = await seedDemoEntries(dataSource, cipher, planDemoEntries(entryCount, units, today));
      console.log(`demo city: ${entries.created} synthetic reserve entries created, ${entries.present} already present (the talent pool's reconciler starts their workflows)`);
    } finally {
      await dataSource.destroy();
    }

    const file = writeDemoTour(platform.stateDir, await findDemoTour(client, pool.TALENT_POOL_DB_SCHEMA));
    console.log(`demo city: tour ids in ${file}`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error('demo city seed failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
