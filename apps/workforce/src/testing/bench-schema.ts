import type { DataSource } from 'typeorm';
import { createServiceDataSource, runMigrations, testing, withStackEnv } from '@cwp/platform';
import { workforceMigrations } from '../migrations';

export interface BenchSchema {
  ds: DataSource;
  env: NodeJS.ProcessEnv;
  /** Drops the schema (unless kept for inspection) and closes the connection. */
  close(keep: boolean): Promise<void>;
}

/**
 * A fresh, migrated workforce schema in the test database for a benchmark: benchmarks bulk-load
 * synthetic data, so they never touch the platform's own database (the guard refuses a name
 * without `test`).
 */
export async function openBenchSchema(schema: string): Promise<BenchSchema> {
  const env = withStackEnv(process.env);
  const url = testing.assertTestDatabaseUrl(env.TEST_DATABASE_URL);
  const ds = createServiceDataSource({ url, schema, migrations: workforceMigrations, poolSize: 2, logging: ['error'] });
  await ds.initialize();
  await ds.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await runMigrations(ds);
  return {
    ds,
    env,
    async close(keep) {
      if (!keep) await ds.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await ds.destroy();
    },
  };
}
