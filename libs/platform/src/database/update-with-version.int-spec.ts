import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DomainError, ErrorCode } from '../errors';
import { platformMigrations } from '../migrations';
import { runMigrations } from './run-migrations';
import { createTestDataSource, type TestDataSource } from '../testing';
import { isUniqueViolation } from './unique-violation';
import { updateWithVersion } from './update-with-version';

class CreateThings1800000000000 implements MigrationInterface {
  name = 'CreateThings1800000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE things (id text PRIMARY KEY, version int NOT NULL DEFAULT 1, name text NOT NULL)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE things');
  }
}

describe('database: migrations and optimistic concurrency (real PostgreSQL)', () => {
  let ds: TestDataSource;

  beforeAll(async () => {
    ds = await createTestDataSource({ schemaPrefix: 'occ_it', migrations: [...platformMigrations, CreateThings1800000000000] });
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('creates the schema, the platform tables and the service tables in the service schema only', async () => {
    const tables = (await ds.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [
      ds.schema,
    ])) as Array<{
      table_name: string;
    }>;
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['outbox', 'inbox', 'things', 'typeorm_migrations']));
    const [{ search_path }] = (await ds.query('SHOW search_path')) as Array<{ search_path: string }>;
    expect(search_path).toBe(ds.schema);
  });

  it('running the migrations again applies nothing (start-up and CLI may both run them)', async () => {
    await expect(runMigrations(ds)).resolves.toEqual([]);
  });

  it('bumps the version when the expected version matches', async () => {
    await ds.query("INSERT INTO things (id, name) VALUES ('t1', 'first')");
    const version = await ds.transaction((em) => updateWithVersion(em, 'things', 't1', 1, { name: 'second' }));
    expect(version).toBe(2);
    const [row] = (await ds.query("SELECT version, name FROM things WHERE id = 't1'")) as Array<{ version: number; name: string }>;
    expect(row).toEqual({ version: 2, name: 'second' });
  });

  it('a stale version is a VERSION_CONFLICT and changes nothing', async () => {
    await ds.query("INSERT INTO things (id, name) VALUES ('t2', 'a')");
    await ds.transaction((em) => updateWithVersion(em, 'things', 't2', 1, { name: 'b' }));
    const stale = ds.transaction((em) => updateWithVersion(em, 'things', 't2', 1, { name: 'c' }));
    await expect(stale).rejects.toBeInstanceOf(DomainError);
    await expect(stale).rejects.toMatchObject({ code: ErrorCode.VERSION_CONFLICT });
    const [row] = (await ds.query("SELECT version, name FROM things WHERE id = 't2'")) as Array<{ version: number; name: string }>;
    expect(row).toEqual({ version: 2, name: 'b' });
  });

  it('of two concurrent writers that read the same version, exactly one wins', async () => {
    await ds.query("INSERT INTO things (id, name) VALUES ('t3', 'start')");
    const results = await Promise.allSettled(
      ['left', 'right'].map((name) => ds.transaction((em) => updateWithVersion(em, 'things', 't3', 1, { name }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: ErrorCode.VERSION_CONFLICT });
  });

  it('a missing row is a VERSION_CONFLICT too (never a silent no-op)', async () => {
    await expect(ds.transaction((em) => updateWithVersion(em, 'things', 'nope', 1, { name: 'x' }))).rejects.toMatchObject({
      code: ErrorCode.VERSION_CONFLICT,
    });
  });

  it('refuses identifiers that are not plain snake_case (no SQL injection through names)', async () => {
    await expect(ds.transaction((em) => updateWithVersion(em, 'things; DROP TABLE things', 't1', 2, { name: 'x' }))).rejects.toThrow(
      /Invalid SQL/,
    );
  });

  it('isUniqueViolation recognises the error PostgreSQL raises for a duplicate key, by constraint', async () => {
    await ds.query("INSERT INTO things (id, name) VALUES ('dup', 'one')");
    const duplicate = await ds.query("INSERT INTO things (id, name) VALUES ('dup', 'two')").then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isUniqueViolation(duplicate, 'things_pkey')).toBe(true);
    expect(isUniqueViolation(duplicate, 'things_name_key')).toBe(false);
  });
});
