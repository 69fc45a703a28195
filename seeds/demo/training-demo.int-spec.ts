/**
 * The demo city's training on the real PostgreSQL: the roster from the demo workforce, the library,
 * classes with enrolments, this year's hours with real TRAIN-3 shortfalls, four-ones evidence; all
 * marked synthetic; a second run adds nothing. (The compliance run goes through the training API
 * and is exercised by `npm run up`.)
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { trainingMigrations } from '@cwp/training/testing';
import { loadReferenceData, openBenchSchema, type BenchSchema } from '@cwp/workforce/testing';
import { testing } from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import { loadOrgTreeFile } from './generator';
import { loadDemoWorkforce } from './load-demo-workforce';
import { DEMO_LIBRARY, DEMO_TRAINING_DISTRICT, loadTrainingDemo } from './training-demo';

jest.setTimeout(120_000);

const TREE_FILE = path.resolve(__dirname, '../org-tree/shanghai.json');
const { units } = loadOrgTreeFile(TREE_FILE);
const districtUnits = units.filter((u) => u.code.startsWith(DEMO_TRAINING_DISTRICT) || u.code.length <= 6);

describe('demo training on the real PostgreSQL', () => {
  const schema = `demo_train_wf_it_${randomBytes(4).toString('hex')}`;
  let workforce: BenchSchema;
  let training: testing.TestDataSource;
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
    training = await testing.createTestDataSource({ schemaPrefix: 'demo_train_it', migrations: trainingMigrations });
  });
  afterAll(async () => {
    await training?.destroy();
    await client?.end();
    await workforce?.close(false);
  });

  it('TRAIN-3 TRAIN-10 loads roster, library, classes, hours with real shortfalls and four ones, all marked synthetic; a rerun adds nothing', async () => {
    const first = await loadTrainingDemo(training, schema, 2026, '2026-12-02');
    expect(first.trainees).toBeGreaterThan(active); // exited workers are on the roster too, as exited
    expect(first.resources).toBe(DEMO_LIBRARY.length);
    expect(first.classes).toBeGreaterThanOrEqual(2);
    expect(first.enrolments).toBeGreaterThan(0);
    expect(first.hours).toBeGreaterThan(active * 7);
    expect(first.fourOnes).toBeGreaterThan(0);

    const [hours] = await training.query(
      `SELECT count(*) FILTER (WHERE h < 80)::int AS short, count(*)::int AS workers FROM (
         SELECT worker_id, sum(hours) AS h FROM training_hours WHERE year = 2026 GROUP BY worker_id) a`,
    );
    expect(hours.short).toBeGreaterThan(hours.workers * 0.1);
    expect(hours.short).toBeLessThan(hours.workers * 0.6);
    const [unmarked] = await training.query(
      `SELECT (SELECT count(*) FROM training_hours WHERE recorded_by <> 'demo-city-synthetic')::int
            + (SELECT count(*) FROM library_resources WHERE created_by <> 'demo-city-synthetic')::int AS n`,
    );
    expect(unmarked.n).toBe(0);
    const [search] = await training.query(`SELECT count(*)::int AS n FROM library_resources WHERE search_tokens @> ARRAY['调解']`);
    expect(search.n).toBeGreaterThanOrEqual(1);

    expect(await loadTrainingDemo(training, schema, 2026, '2026-12-02')).toEqual({
      trainees: 0,
      resources: 0,
      classes: 0,
      enrolments: 0,
      hours: 0,
      fourOnes: 0,
    });
  });
});
