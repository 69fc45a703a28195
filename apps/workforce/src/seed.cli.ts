/**
 * Prepares a workforce database: migrations, the org tree and first quotas (idempotent), and
 * optionally a synthetic roster:
 *   npm run seed -w @cwp/workforce                       (built: node dist/seed.cli.js)
 *   npm run ts -- apps/workforce/src/seed.cli.ts [--workers 62000] [--seed 1] [--exited-share 0.08]
 * Workers are only added to an empty roster (a second run does not double them).
 */
import 'reflect-metadata';
import { createServiceDataSource, runMigrations, validateConfigOrExit } from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import { DEFAULT_AS_OF, generateWorkforce } from '@cwp/synthetic';
import { workforceConfig } from './config';
import { loadReferenceData, readOrgTreeFile } from './reference-data';
import { workforceMigrations } from './migrations';
import { loadSyntheticWorkers } from './workers';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  // The same typed config as the service (exits listing every problem); SERVICE_NAME defaults to workforce.
  const platform = validateConfigOrExit({ serviceName: 'workforce', configs: [workforceConfig] });
  const config = workforceConfig.get();
  const dataSource = createServiceDataSource({
    url: platform.databaseUrl,
    schema: config.WORKFORCE_DB_SCHEMA,
    migrations: workforceMigrations,
    poolSize: 2,
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const result = await loadReferenceData(
      dataSource,
      platform.orgTreeFile,
      defaultPolicyCatalog(),
      config.WORKFORCE_FLOATING_QUOTA_PERCENT,
    );
    console.log(
      `org units: ${result.orgUnits.total} (${result.orgUnits.inserted} new); quotas created: ${result.quotasCreated} (policy ${result.policyVersion})`,
    );
    const size = Number(flag('workers') ?? 0);
    if (size > 0) {
      const [{ n }] = (await dataSource.query('SELECT count(*)::int AS n FROM workers')) as Array<{ n: number }>;
      if (n > 0) {
        console.log(`workers: ${n} already present; none added`);
      } else {
        const units = readOrgTreeFile(platform.orgTreeFile);
        const started = Date.now();
        const loaded = await loadSyntheticWorkers(dataSource, generateWorkforce({ seed: Number(flag('seed') ?? 1), size, units }), {
          exitedShare: Number(flag('exited-share') ?? 0.08),
          asOf: DEFAULT_AS_OF,
        });
        console.log(`workers: ${loaded} synthetic workers loaded in ${Date.now() - started} ms`);
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
