import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadReferenceData, openBenchSchema, type BenchSchema } from '@cwp/workforce/testing';
import { defaultPolicyCatalog } from '@cwp/policy';
import { DEMO_MARK } from './demo-city';
import { findDemoTour } from './demo-tour';
import { loadOrgTreeFile } from './generator';
import { loadDemoWorkforce, type DemoWorkforceOptions } from './load-demo-workforce';

const TREE_FILE = path.resolve(__dirname, '../org-tree/shanghai.json');
const { units } = loadOrgTreeFile(TREE_FILE);
const AS_OF = '2026-07-01';

describe('demo city on the real PostgreSQL', () => {
  // The workforce service's own schema, through its testing entry point (seeds import no app).
  const schema = `demo_city_wf_it_${randomBytes(4).toString('hex')}`;
  let workforce: BenchSchema;
  let client: Client;

  beforeAll(async () => {
    workforce = await openBenchSchema(schema);
    await loadReferenceData(workforce.ds, TREE_FILE, defaultPolicyCatalog(), 5);
    client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(`SET search_path TO "${schema}"`);
  });
  afterAll(async () => {
    await client?.end();
    await workforce?.close(false);
  });

  const options: DemoWorkforceOptions = { units, seed: 1, size: 3000, asOf: AS_OF, exitedShare: 0.08 };

  it('COPY-loads the workers with their history in one go, and a second load adds nothing', async () => {
    const first = await loadDemoWorkforce(client, options);
    expect(first).toMatchObject({ loaded: true, workers: 3000 });
    expect(first.exited).toBeGreaterThan(150);
    expect(first.history).toMatchObject({ hired: 3000, exited: first.exited });
    expect(first.history.transferred).toBeGreaterThan(20);
    expect(first.history.leave).toBeGreaterThan(50);

    const second = await loadDemoWorkforce(client, options);
    expect(second.loaded).toBe(false);
    const { rows } = await client.query<{ workers: number; history: number }>(
      'SELECT (SELECT count(*)::int FROM workers) AS workers, (SELECT count(*)::int FROM worker_history) AS history',
    );
    expect(rows[0]).toEqual({ workers: 3000, history: Object.values(first.history).reduce((a, b) => a + b, 0) });
  });

  it('marks every row synthetic and keeps each exit explanation intact through COPY (EXIT-2, EXIT-3)', async () => {
    const { rows } = await client.query<{ unmarked: number; exited: number; explained: number; with_rules: number }>(
      `SELECT count(*) FILTER (WHERE created_by <> $1)::int AS unmarked,
              count(*) FILTER (WHERE status = 'exited')::int AS exited,
              count(*) FILTER (WHERE status = 'exited' AND exit_explanation -> 'rules' @> '[{"id": "ORG-3"}]')::int AS explained,
              (SELECT count(*)::int FROM worker_history WHERE kind = 'exited' AND details -> 'rules' ? 'ORG-3') AS with_rules
         FROM workers`,
      [DEMO_MARK],
    );
    expect(rows[0]!.unmarked).toBe(0);
    expect(rows[0]!.explained).toBe(rows[0]!.exited);
    expect(rows[0]!.with_rules).toBe(rows[0]!.exited);
    const { rows: law } = await client.query<{ say: string }>(
      `SELECT exit_explanation -> 'inputs' ->> 'statutoryCause' AS say FROM workers WHERE exit_cause = 'law' ORDER BY id LIMIT 1`,
    );
    expect(law[0]!.say).toMatch(/Labour Contract Law art\. (37|44)/);
  });

  it('hires a transferred worker into another area of the same street and moves them after the hire (ORG-2)', async () => {
    const { rows } = await client.query<{ bad: number; moved: number }>(
      `SELECT count(*) FILTER (WHERE t.from_unit_code = t.unit_code OR left(t.from_unit_code, 9) <> left(t.unit_code, 9)
                                 OR h.unit_code <> t.from_unit_code OR t.occurred_on <= w.hired_on OR t.occurred_on >= $1::date)::int AS bad,
              count(*)::int AS moved
         FROM worker_history t JOIN worker_history h ON h.worker_id = t.worker_id AND h.kind = 'hired' JOIN workers w ON w.id = t.worker_id
        WHERE t.kind = 'transferred'`,
      [AS_OF],
    );
    expect(rows[0]!.moved).toBeGreaterThan(0);
    expect(rows[0]!.bad).toBe(0);
  });

  it('points the tour at a district with workers and one of its exited workers, with the entry the API answered', async () => {
    const tour = await findDemoTour(client, 'de300000-0000-4000-8000-000000000001');
    expect(tour.district).toMatch(/^31\d{4}$/);
    expect(tour.entryId).toBe('de300000-0000-4000-8000-000000000001');
    const { rows } = await client.query<{ status: string; unit_code: string; created_by: string }>(
      'SELECT status, unit_code, created_by FROM workers WHERE id = $1',
      [tour.workerId],
    );
    expect(rows[0]).toMatchObject({ status: 'exited', created_by: DEMO_MARK });
    expect(rows[0]!.unit_code.startsWith(tour.district)).toBe(true);
  });
});
