import type { DataSource } from 'typeorm';
import { Logger } from '@nestjs/common';
import { assertIdentifier, quoteIdentifier } from './sql-identifier';

// Two processes of one service starting together must not both run the same migration: a
// session-level advisory lock, keyed by the schema, serialises them (the second finds nothing to do).
const MIGRATION_LOCK_NAMESPACE = 0x63777031; // "cwp1"

/**
 * Creates the service schema if needed, then applies pending migrations (one transaction each).
 * The schema must exist before TypeORM creates its migrations table inside it.
 */
export async function runMigrations(dataSource: DataSource, logger = new Logger('Migrations')): Promise<string[]> {
  const schema = currentSchemaOf(dataSource);
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK_NAMESPACE, schema]);
    try {
      await lockRunner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema, 'schema name')}`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      const names = applied.map((m) => m.name);
      if (names.length > 0) logger.log(`Applied ${names.length} migration(s) to schema ${schema}: ${names.join(', ')}`);
      return names;
    } finally {
      await lockRunner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [MIGRATION_LOCK_NAMESPACE, schema]);
    }
  } finally {
    await lockRunner.release();
  }
}

export function currentSchemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('The DataSource has no schema: create it with createServiceDataSource()');
  return assertIdentifier(schema, 'schema name');
}
