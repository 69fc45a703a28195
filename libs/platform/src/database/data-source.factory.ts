import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { ErrorSafePgClient } from './error-safe-pg-client';
import { assertIdentifier } from './sql-identifier';
import { PlatformTypeOrmLogger } from './typeorm-logger';

export type EntityList = MixedList<string | Function | EntitySchema<any>>;
export type MigrationList = MixedList<string | Function>;

export interface ServiceDataSourceOptions {
  /** PostgreSQL URL; the service's `DATABASE_URL`. */
  url: string;
  /** The service's own schema (`talent_pool`); it is the connection's whole `search_path`. */
  schema: string;
  entities?: EntityList;
  /** `[...platformMigrations, ...the service's own]`. */
  migrations?: MigrationList;
  /** Pool size per process. */
  poolSize?: number;
  applicationName?: string;
  logging?: DataSourceOptions['logging'];
}

/**
 * A DataSource bound to one service schema. `search_path` is set at connection start (libpq
 * `options`), so raw SQL on platform tables (`outbox`, `inbox`, …) and entity queries alike land in
 * the service's schema, and a service cannot read another's tables by accident. Never
 * `synchronize`: the schema changes only through migrations (`runMigrations`).
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource(serviceDataSourceOptions(options));
}

export function serviceDataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  const schema = assertIdentifier(options.schema, 'schema name');
  return {
    type: 'postgres',
    url: options.url,
    schema,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: options.logging ?? ['error', 'warn', 'migration'],
    // Never TypeORM's console loggers: they print query parameters (personal data) with errors.
    logger: new PlatformTypeOrmLogger(options.logging ?? ['error', 'warn', 'migration']),
    applicationName: options.applicationName ?? `cwp-${schema}`,
    extra: {
      options: `-c search_path=${schema}`,
      max: options.poolSize ?? 10,
      // A connection lost while checked out must not crash the process (see ErrorSafePgClient).
      Client: ErrorSafePgClient,
    },
  };
}
