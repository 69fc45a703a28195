/**
 * APPR-1..3 close of a district of 3,000 and of the city of 62,000 workers, all three rating
 * sources loaded (1 management, 3 peer and 5 resident ratings per worker):
 *   npm run bench -- test/bench/appraisal-close.bench.ts [--city 62000] [--district 3000] [--keep]
 * Loads a throw-away schema of TEST_DATABASE_URL's database, ANALYZEs, then times the service's
 * close (chunked SQL aggregate + @cwp/policy score/grade + explanation + unnest upsert per chunk,
 * exactly the activity's path) and, in the same run, a raw SQL aggregate of the same ratings.
 * Prints figures; asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { createServiceDataSource, runMigrations, testing, withStackEnv } from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import { appraisalMigrations, ResultRepository, ResultsService, type CycleFacts } from '@cwp/appraisal/testing';

const citySize = Number(testing.benchArg('city') ?? 62_000);
const districtSize = Number(testing.benchArg('district') ?? 3_000);
const keep = process.argv.includes('--keep');
const DISTRICT = '310101';
const YEAR = 2026;

async function main(): Promise<void> {
  const env = withStackEnv(process.env);
  const url = testing.assertTestDatabaseUrl(env.TEST_DATABASE_URL);
  const schema = `appr_bench_${Date.now()}`;
  const ds = createServiceDataSource({ url, schema, migrations: appraisalMigrations, poolSize: 4, logging: ['error'] });
  await ds.initialize();
  await runMigrations(ds);
  try {
    const t0 = performance.now();
    // Workers: the district's share first, the rest spread over 15 other districts' areas.
    await ds.query(
      `INSERT INTO worker_records (worker_id, unit_code, entry_route, hired_on, workflow_started_at)
       SELECT lpad(g::text, 8, '0'),
              CASE WHEN g <= $2 THEN $3 || lpad((2 + g % 10)::text, 3, '0') || lpad((1 + g % 20)::text, 3, '0')
                   ELSE '3101' || lpad((5 + g % 15)::text, 2, '0') || lpad((2 + g % 10)::text, 3, '0') || lpad((1 + g % 20)::text, 3, '0') END,
              CASE WHEN g % 3 = 0 THEN 'elected' ELSE 'recruited' END, '2020-01-01', now()
         FROM generate_series(1, $1) AS g`,
      [citySize, districtSize, DISTRICT],
    );
    const cycleId = randomUUID();
    await ds.query(
      `INSERT INTO cycles (id, unit_code, year, phase, policy_version, rating_opens_at, rating_closes_at, reminder_days, excellent_share_limit, opened_by)
       VALUES ($1, $2, $3, 'closing', $4, now(), now() + interval '1 day', 7, 0.2, 'bench')`,
      [cycleId, DISTRICT, YEAR, defaultPolicyCatalog().inForce(`${YEAR}-12-31`).id],
    );
    await ds.query(`SELECT setseed(0.42)`);
    await ds.query(
      `INSERT INTO ratings (cycle_id, worker_id, year, source, rater_key, morality, ability, diligence, performance, integrity)
       SELECT $1, w.worker_id, $2, s.source, s.source || ':' || s.n,
              (55 + random() * 45)::int, (55 + random() * 45)::int, (55 + random() * 45)::int, (50 + random() * 50)::int, (60 + random() * 40)::int
         FROM worker_records w
         CROSS JOIN (VALUES ('management', 1), ('peers', 1), ('peers', 2), ('peers', 3), ('residents', 1), ('residents', 2), ('residents', 3), ('residents', 4), ('residents', 5)) AS s(source, n)`,
      [cycleId, YEAR],
    );
    await ds.query('ANALYZE');
    const [{ n: ratingRows }] = await ds.query(`SELECT count(*)::int AS n FROM ratings`);
    console.log(`loaded ${citySize} workers and ${ratingRows} ratings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const catalog = defaultPolicyCatalog();
    const repository = new ResultRepository(ds);
    // Only the close path is exercised: it uses the DataSource, the repository and the catalog.
    const results = new ResultsService(
      ds,
      repository,
      null as never,
      null as never,
      null as never,
      null as never,
      null as never,
      catalog,
      null as never,
    );

    for (const [label, prefix, workers] of [
      ['district', DISTRICT, districtSize],
      ['city', '31', citySize],
    ] as const) {
      const facts: CycleFacts = {
        id: cycleId,
        unitCode: prefix,
        year: YEAR,
        policyVersion: catalog.inForce(`${YEAR}-12-31`).id,
        excellentShareLimit: 0.2,
      };
      const [{ n: scopeRatings }] = await ds.query(
        `SELECT count(*)::int AS n FROM ratings r JOIN worker_records w USING (worker_id) WHERE w.unit_code LIKE $1`,
        [`${prefix}%`],
      );

      const rawStart = performance.now();
      const raw = await ds.query(
        `SELECT r.worker_id, r.source, count(*), avg(morality), avg(ability), avg(diligence), avg(performance), avg(integrity)
           FROM ratings r JOIN worker_records w ON w.worker_id = r.worker_id AND w.status = 'active' AND w.unit_code LIKE $2
          WHERE r.cycle_id = $1 GROUP BY r.worker_id, r.source`,
        [cycleId, `${prefix}%`],
      );
      const rawMs = performance.now() - rawStart;

      const heapBefore = process.memoryUsage().heapUsed;
      const closeStart = performance.now();
      const closed = await results.close(facts);
      const closeMs = performance.now() - closeStart;
      const over = closed.checks.filter((c) => c.over).length;
      console.log(
        `${label.padEnd(8)} ${workers} workers, ${scopeRatings} ratings: close ${(closeMs / 1000).toFixed(2)} s ` +
          `(${Math.round(scopeRatings / (closeMs / 1000))} ratings/s, ${Math.round(closed.results / (closeMs / 1000))} results/s, ${closed.results} results, ${over} streets over the limit, ` +
          `heap +${Math.round((process.memoryUsage().heapUsed - heapBefore) / 1048576)} MiB); raw SQL aggregate ${(rawMs / 1000).toFixed(2)} s (${raw.length} groups); close / raw = ${(closeMs / rawMs).toFixed(1)}x`,
      );
      testing.printBenchRow({
        measure: `appraisal close of the ${label}, ${workers} workers / ${scopeRatings} ratings (vs a raw SQL aggregate of the same ratings)`,
        unit: 's',
        platform: Number((closeMs / 1000).toFixed(2)),
        baseline: Number((rawMs / 1000).toFixed(2)),
      });
    }
  } finally {
    if (!keep) await ds.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
