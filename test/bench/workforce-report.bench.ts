/**
 * QUOTA-6 staffing report on the full synthetic city:
 *   npm run bench -- test/bench/workforce-report.bench.ts --size 62000
 *   npm run bench -- test/bench/workforce-report.bench.ts --size 620000 [--runs 7] [--seed 1] [--keep]
 * Loads the org tree, first quotas and N generated workers (8% marked exited so turnover is real)
 * into a throw-away schema of TEST_DATABASE_URL's database, ANALYZEs, then times the report query
 * for the city, a district and a street (median of --runs after one warm-up) and prints the figures,
 * beside a raw baseline: a plain head count of the same scope (the least scan of the rows the report
 * reads).
 */
import path from 'node:path';
import { defaultPolicyCatalog } from '@cwp/policy';
import { CITY_CODE, OrgUnitDirectory, testing } from '@cwp/platform';
import { DEFAULT_AS_OF, generateWorkforce } from '@cwp/synthetic';
// The service's own tables through its testing entry point (never its package index).
import {
  buildStaffingReport,
  loadReferenceData,
  loadSyntheticWorkers,
  openBenchSchema,
  ReportRepository,
  STAFFING_REPORT_SQL,
} from '@cwp/workforce/testing';

const size = Number(testing.benchArg('size') ?? 62_000);
const runs = Number(testing.benchArg('runs') ?? 7);
const seed = Number(testing.benchArg('seed') ?? 1);
const keep = process.argv.includes('--keep');
const FROM = '2025-07-01';
const TO = '2026-06-30';
const TREE = path.resolve(__dirname, '../../seeds/org-tree/shanghai.json');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * What the roster writes alongside its workers, so the report's transfer-aware headcount (ORG-2)
 * reads a realistic worker_history: a `hired` row per worker and, for about 3% of current workers,
 * a transfer from another area taking effect inside the period (chosen by a hash of the id).
 */
async function loadHistory(ds: {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}): Promise<{ hired: number; transferred: number }> {
  await ds.query(
    `INSERT INTO worker_history (worker_id, kind, unit_code, occurred_on, recorded_by) SELECT id, 'hired', unit_code, hired_on, 'bench' FROM workers`,
  );
  await ds.query(
    `WITH areas AS (SELECT array_agg(code ORDER BY code) AS codes FROM org_units WHERE kind = 'area')
     INSERT INTO worker_history (worker_id, kind, unit_code, from_unit_code, occurred_on, recorded_by)
     SELECT w.id, 'transferred', w.unit_code, a.codes[1 + abs(hashtext(w.id::text)) % array_length(a.codes, 1)], $1::date + abs(hashtext('day' || w.id)) % 365, 'bench'
       FROM workers w, areas a
      WHERE w.status <> 'exited' AND w.hired_on < $1 AND abs(hashtext('move' || w.id)) % 100 < 3`,
    [FROM],
  );
  const [counts] = (await ds.query(
    `SELECT count(*) FILTER (WHERE kind = 'hired')::int AS hired, count(*) FILTER (WHERE kind = 'transferred')::int AS transferred FROM worker_history`,
  )) as Array<{ hired: number; transferred: number }>;
  return counts!;
}

async function main(): Promise<void> {
  const bench = await openBenchSchema(`bench_workforce_report_${size}`);
  const { ds } = bench;
  try {
    let t = performance.now();
    const ref = await loadReferenceData(ds, TREE, defaultPolicyCatalog(), 5);
    console.log(`org tree ${ref.orgUnits.total} units, ${ref.quotasCreated} quotas in ${Math.round(performance.now() - t)} ms`);
    const units = OrgUnitDirectory.fromFile(TREE).unitsWithin(CITY_CODE);
    t = performance.now();
    const loaded = await loadSyntheticWorkers(ds, generateWorkforce({ seed, size, units }), {
      exitedShare: 0.08,
      asOf: DEFAULT_AS_OF,
      batchSize: 5000,
    });
    const loadSeconds = (performance.now() - t) / 1000;
    console.log(
      `loaded ${loaded} workers in ${loadSeconds.toFixed(1)} s (${Math.round(loaded / loadSeconds)}/s, multi-row INSERT … SELECT unnest, 5,000 per batch)`,
    );
    t = performance.now();
    const history = await loadHistory(ds);
    console.log(
      `worker_history ${history.hired} hired + ${history.transferred} transferred rows in ${Math.round(performance.now() - t)} ms`,
    );
    await ds.query('ANALYZE');

    const [{ district }] = (await ds.query(
      'SELECT left(unit_code, 6) AS district FROM workers GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
    )) as Array<{ district: string }>;
    const [{ street }] = (await ds.query(
      'SELECT left(unit_code, 9) AS street FROM workers WHERE unit_code LIKE $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
      [`${district}%`],
    )) as Array<{ street: string }>;
    const policy = defaultPolicyCatalog().inForce(TO);
    const reports = new ReportRepository(ds);
    for (const [label, code] of [
      ['city', '31'],
      ['district', district],
      ['street', street],
    ] as const) {
      await reports.regionSums(code, FROM, TO); // warm-up
      const times: number[] = [];
      let rows = await reports.regionSums(code, FROM, TO);
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        rows = await reports.regionSums(code, FROM, TO);
        times.push(performance.now() - started);
      }
      const { total } = buildStaffingReport(rows, policy, { unitCode: code, from: FROM, to: TO });
      const rawTimes: number[] = [];
      const rawCount = 'SELECT count(*) FROM workers WHERE unit_code LIKE $1';
      await ds.query(rawCount, [`${code}%`]); // warm-up
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await ds.query(rawCount, [`${code}%`]);
        rawTimes.push(performance.now() - started);
      }
      testing.printBenchRow({
        measure: `staffing report of the ${label}, ${size} workers (vs a raw head count of the scope)`,
        unit: 'ms',
        platform: Number(median(times).toFixed(2)),
        baseline: Number(median(rawTimes).toFixed(2)),
      });
      console.log(
        `${label.padEnd(8)} ${code.padEnd(9)} median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, ${runs} runs)` +
          ` | quota ${total.quota}, headcount ${total.headcount}, vacancies ${total.vacancies}, on-duty rate ${total.onDutyRate}, exits ${total.exits},` +
          ` turnover ${total.turnoverRate}, titles ${JSON.stringify(total.titles.shares)} within 4:4:2±${total.titles.tolerance}: ${total.titles.withinTolerance}, regions ${rows.map((r) => r.region).join('/')}`,
      );
    }
    const plan = (await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${STAFFING_REPORT_SQL}`, [
      `${district}%`,
      FROM,
      TO,
      '1996-06-30',
      '1986-06-30',
      '1976-06-30',
    ])) as Array<{ 'QUERY PLAN': string }>;
    const lines = plan.map((p) => p['QUERY PLAN']);
    console.log(
      `district plan uses: ${lines
        .filter((l) => /Index|Seq Scan/.test(l))
        .map((l) => l.trim().replace(/\s+\(cost.*$/, ''))
        .join('; ')}`,
    );
    console.log(lines.filter((l) => /Execution Time/.test(l)).join(''));
  } finally {
    await bench.close(keep);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
