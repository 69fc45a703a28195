/**
 * `npm run up` runs this once the services' own seeds have run (schemas migrated, org tree and
 * quotas loaded) and before the apps start: the demo city's workforce, synthetic and marked so
 * (seeds/demo/README.md), and the tour's first ids (demo-tour.ts). Its reserve entries are
 * registered later, through the talent pool's API once the apps answer /ready
 * (register-demo-entries.cli.ts).
 *
 *   npm run ts -- seeds/demo/seed-demo-city.cli.ts [--workers 62000]
 *
 * Idempotent: a roster that has workers gets none.
 */
import { Client } from 'pg';
import { validateConfigOrExit } from '@cwp/platform';
import { shanghaiDate } from '@cwp/policy';
import { numberFlag } from './cli-flags';
import { DEMO_EXITED_SHARE, DEMO_SEED, DEMO_WORKERS } from './demo-city';
import { loadOrgTreeFile } from './generator';
import { findDemoTour, writeDemoTour } from './demo-tour';
import { loadDemoWorkforce } from './load-demo-workforce';
import { workforceSchema } from './workforce-schema';

async function main(): Promise<void> {
  const workerCount = numberFlag('workers', DEMO_WORKERS);
  const platform = validateConfigOrExit({ serviceName: 'demo-city' });
  const schema = workforceSchema();
  const today = shanghaiDate(new Date());
  const { units } = loadOrgTreeFile(platform.orgTreeFile);

  const client = new Client({ connectionString: platform.databaseUrl, application_name: 'cwp-demo-city' });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${schema}"`);
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units');
    if (rows[0]!.n === 0)
      throw new Error(`no org units in schema ${schema}: run the workforce seed first (npm run seed -w apps/workforce)`);

    const started = performance.now();
    const workforce = await loadDemoWorkforce(client, {
      units,
      seed: DEMO_SEED,
      size: workerCount,
      asOf: today,
      exitedShare: DEMO_EXITED_SHARE,
    });
    if (workforce.loaded) {
      await client.query('ANALYZE workers; ANALYZE worker_history');
      const history = Object.entries(workforce.history)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ');
      console.log(
        `demo city: ${workforce.workers} synthetic workers (${workforce.exited} exited) copied in ${(workforce.copyMs / 1000).toFixed(1)} s, ` +
          `history (${history}) in ${(workforce.historyMs / 1000).toFixed(1)} s; ${((performance.now() - started) / 1000).toFixed(1)} s with ANALYZE`,
      );
    } else {
      console.log(`demo city: the roster of schema ${schema} already has workers; none added`);
    }
    // The tour's district and exited worker, so its first two commands work while the services'
    // demo states still load; the reserve entries' CLI adds the entry's id when they are in.
    writeDemoTour(platform.stateDir, await findDemoTour(client, null));
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error('demo city seed failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
