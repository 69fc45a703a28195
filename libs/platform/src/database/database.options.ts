import type { EntityList, MigrationList } from './data-source.factory';

export interface PlatformDatabaseOptions {
  /** The service's schema, e.g. `talent_pool`. */
  schema: string;
  entities?: EntityList;
  /** `[...platformMigrations, ...the service's own]`. */
  migrations?: MigrationList;
  /** Defaults to `DATABASE_URL`. */
  url?: string;
  /** Run pending migrations when the module starts (default true; the migrate CLI does the same). */
  migrateOnStart?: boolean;
  poolSize?: number;
}

export const PLATFORM_DATABASE_OPTIONS = Symbol('PLATFORM_DATABASE_OPTIONS');

export function databaseUrlFrom(options: { url?: string }, env: NodeJS.ProcessEnv = process.env): string {
  const url = options.url ?? env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the service cannot reach PostgreSQL');
  return url;
}
