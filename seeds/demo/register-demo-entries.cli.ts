/**
 * `npm run up` runs this after the apps answer /ready: registers the demo city's reserve entries
 * through the talent pool's public API (POST /api/talent-pool/entries, a city token whose subject
 * is DEMO_MARK, an Idempotency-Key per entry, 8 requests at a time), then writes
 * <state>/demo-tour.env (the ids `npm run up`'s tour prints).
 *
 *   TALENT_POOL_URL=http://127.0.0.1:3003 npm run ts -- seeds/demo/register-demo-entries.cli.ts [--entries 300]
 *
 * TALENT_POOL_URL defaults to the talent pool's port in infra/local/ports.json plus CWP_PORT_OFFSET.
 */
import { Client } from 'pg';
import { validateConfigOrExit } from '@cwp/platform';
import { defaultPolicyCatalog, shanghaiDate } from '@cwp/policy';
import { numberFlag } from './cli-flags';
import { DEMO_RESERVE_ENTRIES } from './demo-city';
import { findDemoTour, writeDemoTour } from './demo-tour';
import { loadOrgTreeFile } from './generator';
import { registerDemoEntries, soonestExpiring } from './register-demo-entries';
import { planDemoEntries } from './reserve-entries';
import { demoServiceUrl, mintDemoToken } from './demo-service';
import { workforceSchema } from './workforce-schema';

async function main(): Promise<void> {
  const entryCount = numberFlag('entries', DEMO_RESERVE_ENTRIES);
  const platform = validateConfigOrExit({ serviceName: 'demo-city' });
  const today = shanghaiDate(new Date());
  const { units } = loadOrgTreeFile(platform.orgTreeFile);
  // POOL-2 bounds of the version in force: the API refuses a period outside them.
  const bounds = defaultPolicyCatalog().inForce(today).pool.reservePeriodMonths;
  const token = await mintDemoToken(platform);

  const started = performance.now();
  const entries = await registerDemoEntries(planDemoEntries(entryCount, units, today, bounds), {
    baseUrl: demoServiceUrl('talent-pool'),
    token,
    concurrency: 8,
  });
  console.log(
    `demo city: ${entries.created} synthetic reserve entries registered through the talent pool's API, ${entries.present} already present, ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s (the talent pool starts their workflows)`,
  );

  const client = new Client({ connectionString: platform.databaseUrl, application_name: 'cwp-demo-city' });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${workforceSchema()}"`);
    const file = writeDemoTour(platform.stateDir, await findDemoTour(client, soonestExpiring(entries.entries)?.id ?? null));
    console.log(`demo city: tour ids in ${file}`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error('demo city entries failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
