/**
 * The demo city's appraisal on the real PostgreSQL: records for the active demo workers, and last
 * year's results of the demo district, scored, graded and explained by the service's close path,
 * within the APPR-2 limit, published; a second run adds nothing. (This year's cycle goes through
 * the appraisal API and is exercised by `npm run up`.)
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { appraisalMigrations } from '@cwp/appraisal/testing';
import { loadReferenceData, openBenchSchema, type BenchSchema } from '@cwp/workforce/testing';
import { testing } from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import { DEMO_APPRAISAL_DISTRICT, loadDemoRecords, loadLastYearResults } from './appraisal-demo';
import { loadOrgTreeFile } from './generator';
import { loadDemoWorkforce } from './load-demo-workforce';

jest.setTimeout(120_000);

const TREE_FILE = path.resolve(__dirname, '../org-tree/shanghai.json');
const { units } = loadOrgTreeFile(TREE_FILE);
// The demo district only: enough workers per street for a realistic distribution, quickly loaded.
const districtUnits = units.filter((u) => u.code.startsWith(DEMO_APPRAISAL_DISTRICT) || u.code.length <= 6);

describe('demo appraisal on the real PostgreSQL', () => {
  const schema = `demo_appr_wf_it_${randomBytes(4).toString('hex')}`;
  let workforce: BenchSchema;
  let appraisal: testing.TestDataSource;
  let client: Client;
  let active: number;

  beforeAll(async () => {
    workforce = await openBenchSchema(schema);
    await loadReferenceData(workforce.ds, TREE_FILE, defaultPolicyCatalog(), 5);
    client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(`SET search_path TO "${schema}"`);
    await loadDemoWorkforce(client, { units: districtUnits, seed: 7, size: 1500, asOf: '2026-07-01', exitedShare: 0.08 });
    active = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM workers WHERE status <> 'exited'`)).rows[0]!.n;
    appraisal = await testing.createTestDataSource({ schemaPrefix: 'demo_appr_it', migrations: appraisalMigrations });
  });
  afterAll(async () => {
    await appraisal?.destroy();
    await client?.end();
    await workforce?.close(false);
  });

  it('gives every active demo worker a record (exited workers none), once', async () => {
    expect(await loadDemoRecords(appraisal, schema)).toBe(active);
    expect(await loadDemoRecords(appraisal, schema)).toBe(0);
    const [row] = await appraisal.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE workflow_started_at IS NULL)::int AS unstarted FROM worker_records`,
    );
    expect(row).toEqual({ n: active, unstarted: 0 });
  });

  it("APPR-1..3 last year's results: every worker of the district graded with its explanation, each street within the APPR-2 limit, published; once", async () => {
    const results = await loadLastYearResults(appraisal, 2025);
    const [{ n: inDistrict }] = await appraisal.query(`SELECT count(*)::int AS n FROM worker_records WHERE unit_code LIKE $1`, [
      `${DEMO_APPRAISAL_DISTRICT}%`,
    ]);
    expect(results).toBe(inDistrict);
    const grades: { grade: string; n: number }[] = await appraisal.query(`SELECT grade, count(*)::int AS n FROM results GROUP BY grade`);
    expect(grades.map((g) => g.grade).sort()).toEqual(['basically-qualified', 'excellent', 'qualified', 'unqualified']);
    const [facts] = await appraisal.query(
      `SELECT count(*) FILTER (WHERE status <> 'published')::int AS unpublished,
              count(*) FILTER (WHERE NOT explanation -> 'rules' @> '[{"id": "APPR-3"}]')::int AS unexplained
         FROM results`,
    );
    expect(facts).toEqual({ unpublished: 0, unexplained: 0 });
    const streets: { total: number; excellent: number; calibrated: number }[] = await appraisal.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE grade = 'excellent')::int AS excellent,
              count(*) FILTER (WHERE grade <> mapped_grade)::int AS calibrated
         FROM results GROUP BY left(unit_code, 9)`,
    );
    for (const s of streets) expect(s.excellent).toBeLessThanOrEqual(Math.max(1, Math.floor(0.2 * s.total)));
    const [cycle] = await appraisal.query(`SELECT phase, opened_by FROM cycles WHERE year = 2025`);
    expect(cycle).toEqual({ phase: 'published', opened_by: 'demo-city-synthetic' });
    expect(await loadLastYearResults(appraisal, 2025)).toBe(0);
  });
});
