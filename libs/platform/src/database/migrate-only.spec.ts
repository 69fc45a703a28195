import { Module } from '@nestjs/common';
import { PlatformDatabaseModule } from './database.module';
import { databaseOptionsOf, migrateServiceModule } from './migrate-only';

class CreateThings1 {
  name = 'CreateThings1';
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

@Module({})
class FeatureModule {}

@Module({ imports: [FeatureModule, PlatformDatabaseModule.forService({ schema: 'things', migrations: [CreateThings1] })] })
class ServiceRootModule {}

@Module({ imports: [ServiceRootModule] })
class WrapperModule {}

@Module({ imports: [FeatureModule] })
class NoDatabaseModule {}

describe('databaseOptionsOf (the migration job reads what a service gave PlatformDatabaseModule)', () => {
  it('finds the schema and migrations of the root module without instantiating it', () => {
    const options = databaseOptionsOf(ServiceRootModule);
    expect(options?.schema).toBe('things');
    expect(options?.migrations).toEqual([CreateThings1]);
  });

  it('looks through imported modules', () => {
    expect(databaseOptionsOf(WrapperModule)?.schema).toBe('things');
  });

  it('answers undefined for a module without a database', () => {
    expect(databaseOptionsOf(NoDatabaseModule)).toBeUndefined();
  });

  it('refuses to "migrate" a module without a database, naming it', async () => {
    await expect(migrateServiceModule(NoDatabaseModule, 'postgres://nowhere/db')).rejects.toThrow(
      /NoDatabaseModule imports no PlatformDatabaseModule/,
    );
  });
});
