import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions, type EntityList, type MigrationList } from '../database/data-source.factory';
import { runMigrations } from '../database/run-migrations';
import { quoteIdentifier } from '../database/sql-identifier';

/**
 * Test-only helpers (exported as the `testing` namespace of @cwp/platform; application code never
 * calls them). Integration tests share one PostgreSQL with other engineers' tests, so every test
 * file works in its own throw-away schema.
 */

/** Refuses any database whose name lacks "test": a wrong env var must not wipe real data. */
export function assertTestDatabaseUrl(url: string | undefined): string {
  if (!url) throw new Error('TEST_DATABASE_URL is not set (run `bash infra/local/stack.sh up`)');
  const databaseName = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!databaseName.toLowerCase().includes('test')) {
    throw new Error(`Refusing to run tests against database "${databaseName}": its name must contain "test"`);
  }
  return url;
}

/** A DataSource on a unique schema; `destroy()` drops the schema, then closes the pool. */
export class TestDataSource extends DataSource {
  readonly schema: string;

  constructor(schema: string, entities: EntityList, migrations: MigrationList, url: string) {
    super(serviceDataSourceOptions({ url, schema, entities, migrations, poolSize: 5, logging: ['error'] }));
    this.schema = schema;
  }

  override async destroy(): Promise<void> {
    if (!this.isInitialized) return;
    await this.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(this.schema)} CASCADE`);
    await super.destroy();
  }
}

export interface TestDataSourceOptions {
  /** Readable prefix of the schema name, e.g. `outbox_it`; a random suffix makes it unique. */
  schemaPrefix: string;
  entities?: EntityList;
  migrations?: MigrationList;
  /** Defaults to TEST_DATABASE_URL. */
  url?: string;
}

/** Creates a unique schema, runs the migrations in it and returns the initialised DataSource. */
export async function createTestDataSource(options: TestDataSourceOptions): Promise<TestDataSource> {
  const url = assertTestDatabaseUrl(options.url ?? process.env.TEST_DATABASE_URL);
  const schema = `${options.schemaPrefix}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const dataSource = new TestDataSource(schema, options.entities ?? [], options.migrations ?? [], url);
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
