import type { DynamicModule, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { migrateDatabase } from './migrate';
import { PLATFORM_DATABASE_OPTIONS, type PlatformDatabaseOptions } from './database.options';

type Imported = Type<unknown> | DynamicModule | Promise<DynamicModule> | undefined;

/**
 * The options a service gave `PlatformDatabaseModule.forService(…)`, read from its root module's
 * metadata without instantiating anything: a migration job (Kubernetes Job, deploy pipeline) must
 * not connect to Kafka or Temporal, and must not need each service to write its own migrate CLI.
 */
export function databaseOptionsOf(root: Type<unknown>): PlatformDatabaseOptions | undefined {
  const seen = new Set<unknown>();
  const visit = (candidate: Imported): PlatformDatabaseOptions | undefined => {
    if (!candidate || candidate instanceof Promise || seen.has(candidate)) return undefined;
    seen.add(candidate);
    if ('module' in candidate) {
      for (const provider of candidate.providers ?? []) {
        if (
          typeof provider === 'object' &&
          'provide' in provider &&
          provider.provide === PLATFORM_DATABASE_OPTIONS &&
          'useValue' in provider
        ) {
          return provider.useValue as PlatformDatabaseOptions;
        }
      }
      return visitAll(candidate.imports as Imported[] | undefined) ?? visit(candidate.module);
    }
    return visitAll(Reflect.getMetadata(MODULE_METADATA.IMPORTS, candidate) as Imported[] | undefined);
  };
  const visitAll = (list: Imported[] | undefined): PlatformDatabaseOptions | undefined => {
    for (const item of list ?? []) {
      const found = visit(item);
      if (found) return found;
    }
    return undefined;
  };
  return visit(root);
}

/** Applies the pending migrations of the service whose root module is `root`; returns their names. */
export async function migrateServiceModule(root: Type<unknown>, url: string): Promise<string[]> {
  const options = databaseOptionsOf(root);
  if (!options) throw new Error(`${root.name} imports no PlatformDatabaseModule.forService(…): nothing to migrate`);
  return migrateDatabase({
    schema: options.schema,
    url: options.url ?? url,
    ...(options.migrations ? { migrations: options.migrations } : {}),
    ...(options.entities ? { entities: options.entities } : {}),
  });
}
