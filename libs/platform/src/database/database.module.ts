import { Global, Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createServiceDataSource } from './data-source.factory';
import { databaseUrlFrom, PLATFORM_DATABASE_OPTIONS, type PlatformDatabaseOptions } from './database.options';
import { runMigrations } from './run-migrations';

/** Closes the pool when the application shuts down (enableShutdownHooks in the bootstrap). */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
      this.logger.log('Database pool closed');
    }
  }
}

/**
 * Provides one TypeORM `DataSource` (inject it by class: `constructor(private ds: DataSource)`),
 * bound to the service schema, with migrations applied before anything else starts.
 */
@Global()
@Module({})
export class PlatformDatabaseModule {
  static forService(options: PlatformDatabaseOptions): DynamicModule {
    return {
      module: PlatformDatabaseModule,
      providers: [
        { provide: PLATFORM_DATABASE_OPTIONS, useValue: options },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createServiceDataSource({
              url: databaseUrlFrom(options),
              schema: options.schema,
              ...(options.entities ? { entities: options.entities } : {}),
              ...(options.migrations ? { migrations: options.migrations } : {}),
              ...(options.poolSize ? { poolSize: options.poolSize } : {}),
            });
            await dataSource.initialize();
            if (options.migrateOnStart !== false) await runMigrations(dataSource);
            return dataSource;
          },
        },
        DatabaseLifecycle,
      ],
      exports: [DataSource, PLATFORM_DATABASE_OPTIONS],
    };
  }
}
