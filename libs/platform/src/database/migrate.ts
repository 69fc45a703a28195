import { createServiceDataSource, type ServiceDataSourceOptions } from './data-source.factory';
import { databaseUrlFrom } from './database.options';
import { runMigrations } from './run-migrations';

/**
 * What a service's `migrate.cli.ts` calls: connect, create the schema, apply pending migrations,
 * disconnect. The service start runs the same `runMigrations`, so the CLI is for deploy pipelines.
 */
export async function migrateDatabase(options: Omit<ServiceDataSourceOptions, 'url'> & { url?: string }): Promise<string[]> {
  const dataSource = createServiceDataSource({ ...options, url: databaseUrlFrom(options), poolSize: 2 });
  await dataSource.initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
