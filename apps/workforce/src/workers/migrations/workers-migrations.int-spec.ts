import { platformMigrations, testing } from '@cwp/platform';
import { workersMigrations } from './index';

describe('workers migrations (real PostgreSQL)', () => {
  let ds: testing.TestDataSource;

  beforeAll(async () => {
    ds = await testing.createTestDataSource({ schemaPrefix: 'workers_mig_it', migrations: [...platformMigrations, ...workersMigrations] });
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  const insert = (overrides: Record<string, unknown> = {}) => {
    const row: Record<string, unknown> = {
      id: '00000000-0000-4000-8000-000000000001',
      unit_code: '310101002001',
      status: 'on-duty',
      entry_route: 'recruited',
      post_category: 'staff',
      post_level: 3,
      title: 'junior',
      role: 'staff',
      name: 'n',
      birth_date: '1990-01-01',
      education: 'bachelor',
      hired_on: '2020-01-01',
      created_by: 't',
      ...overrides,
    };
    const cols = Object.keys(row);
    return ds.query(`INSERT INTO workers (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
  };

  it('creates workers and worker_history, and the unit prefix index serves a LIKE range scan', async () => {
    await insert();
    await ds.query(
      "INSERT INTO worker_history (worker_id, kind, unit_code, occurred_on, recorded_by) VALUES ('00000000-0000-4000-8000-000000000001', 'hired', '310101002001', '2020-01-01', 't')",
    );
    await ds.query('SET enable_seqscan = off');
    const plan = (await ds.query("EXPLAIN SELECT count(*) FROM workers WHERE unit_code LIKE '310101%'")) as Array<{ 'QUERY PLAN': string }>;
    await ds.query('RESET enable_seqscan');
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/workers_unit_prefix/);
  });

  it('refuses values outside the closed vocabularies (POST-1 level 19, an unknown title)', async () => {
    await expect(insert({ id: '00000000-0000-4000-8000-000000000002', post_level: 19 })).rejects.toThrow(/check constraint/);
    await expect(insert({ id: '00000000-0000-4000-8000-000000000003', title: 'expert' })).rejects.toThrow(/check constraint/);
  });

  it('an exited worker must have its exit date and cause', async () => {
    await expect(insert({ id: '00000000-0000-4000-8000-000000000004', status: 'exited' })).rejects.toThrow(/workers_exit_facts/);
  });

  it('REC-4 education takes the policy codes shared with the talent pool; the old workforce codes are refused', async () => {
    await insert({ id: '00000000-0000-4000-8000-000000000005', education: 'below-junior-college' });
    await insert({ id: '00000000-0000-4000-8000-000000000006', education: 'doctorate' });
    await expect(insert({ id: '00000000-0000-4000-8000-000000000007', education: 'high-school' })).rejects.toThrow(
      /workers_education_check/,
    );
    await expect(insert({ id: '00000000-0000-4000-8000-000000000008', education: 'doctor' })).rejects.toThrow(/workers_education_check/);
  });
});
