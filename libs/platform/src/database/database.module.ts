import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlatformConfig } from '../config';
import { ReadinessRegistry } from '../health';
import { checkDatabase } from './check-database';
import { createServiceDataSource } from './data-source.factory';
import { databaseUrlFrom, PLATFORM_DATABASE_OPTIONS, type PlatformDatabaseOptions } from './database.options';
import { runMigrations } from './run-migrations';

/**
 * Registers the readiness check and closes the pool in the last shutdown phase, after relays,
 * consumers and the worker have stopped in beforeApplicationShutdown.
 */
@Injectable()
class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Optional() private readonly readiness?: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness?.register('database', () => checkDatabase(this.dataSource));
  }

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
          inject: [{ token: PlatformConfig, optional: true }],
          useFactory: async (config?: PlatformConfig) => {
            const dataSource = createServiceDataSource({
              url: options.url ?? config?.databaseUrl ?? databaseUrlFrom(options),
              schema: options.schema,
              ...(options.entities ? { entities: options.entities } : {}),
              ...(options.migrations ? { migrations: options.migrations } : {}),
              ...(options.poolSize ? { poolSize: options.poolSize } : {}),
            });
            await dataSource.initialize();
            if (options.migrateOnStart !== false && config?.migrateOnStart !== false) await runMigrations(dataSource);
            return dataSource;
          },
        },
        DatabaseLifecycle,
      ],
      exports: [DataSource, PLATFORM_DATABASE_OPTIONS],
    };
  }
}
