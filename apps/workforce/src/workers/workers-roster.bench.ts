/**
 * Roster reads on the full synthetic city:
 *   npm run bench -- apps/workforce/src/workers/workers-roster.bench.ts [--size 62000] [--runs 9] [--keep]
 * Loads N generated workers (8% exited) into a throw-away schema of TEST_DATABASE_URL's database,
 * ANALYZEs, then times (median of --runs after one warm-up) what operators do most: a roster page
 * with its total for the city, a district and a street (sorted, filtered, deep pages), one worker
 * by id, and the PROM-3 street title count a promotion takes under its lock. The city page and the
 * read by id are also timed as raw SQL (the same rows, no repository) for `npm run bench`'s table.
 */
import { CITY_CODE, OrgUnitDirectory, testing, type Principal } from '@cwp/platform';
import { shanghaiDate } from '@cwp/policy';
import { DEFAULT_AS_OF, generateWorkforce } from '@cwp/synthetic';
import { openBenchSchema } from '../testing';
import { birthDateRange } from './rules/age-band';
import { loadSyntheticWorkers } from './synthetic-workers.loader';
import { WorkerRepository, type WorkerSearch } from './worker.repository';

const size = Number(testing.benchArg('size') ?? 62_000);
const runs = Number(testing.benchArg('runs') ?? 9);
const keep = process.argv.includes('--keep');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median ms of `runs` calls after a warm-up, printed and returned. */
async function time<T>(what: string, fn: () => Promise<T>, describe: (r: T) => string): Promise<number> {
  let result = await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    samples.push(performance.now() - t);
  }
  console.log(`${what.padEnd(58)} median ${median(samples).toFixed(1).padStart(7)} ms  (${describe(result)})`);
  return median(samples);
}

async function main(): Promise<void> {
  const bench = await openBenchSchema(`bench_workforce_roster_${size}`);
  const { ds, env } = bench;
  try {
    const units = OrgUnitDirectory.fromFile(env.ORG_TREE_FILE ?? 'seeds/org-tree/shanghai.json').unitsWithin(CITY_CODE);
    let t = performance.now();
    const loaded = await loadSyntheticWorkers(ds, generateWorkforce({ seed: 1, size, units }), { exitedShare: 0.08, asOf: DEFAULT_AS_OF });
    await ds.query('ANALYZE workers');
    console.log(`${loaded} workers loaded and analysed in ${Math.round(performance.now() - t)} ms`);

    const repository = new WorkerRepository(ds);
    const [busiest] = (await ds.query(
      `SELECT left(unit_code, 9) AS street, count(*)::int AS n FROM workers GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    )) as Array<{ street: string; n: number }>;
    const street = busiest!.street;
    const district = street.slice(0, 6);
    const city: Principal = { sub: 'bench', role: 'city', unit: '31' };
    const districtOp: Principal = { sub: 'bench', role: 'district', unit: district };
    const streetOp: Principal = { sub: 'bench', role: 'street', unit: street };
    const page = (p: Partial<WorkerSearch>): WorkerSearch => ({ page: 1, pageSize: 20, ...p });
    const shown = (r: { rows: unknown[]; total: number }): string => `${r.rows.length} rows of ${r.total}`;
    const today = shanghaiDate(new Date());

    t = performance.now();
    const cityPage = await time('city: page 1 by name (total over the whole city)', () => repository.search(page({}), city), shown);
    const rawCityPage = await time(
      'raw SQL: city page 1 by name and its count',
      () =>
        Promise.all([
          ds.query(`SELECT * FROM workers WHERE unit_code LIKE '31%' ORDER BY name, id LIMIT 20`) as Promise<unknown[]>,
          ds.query(`SELECT count(*)::int AS n FROM workers WHERE unit_code LIKE '31%'`) as Promise<Array<{ n: number }>>,
        ]),
      ([rows, [count]]) => `${rows.length} rows of ${count!.n}`,
    );
    await time(
      'city: current staff, 40-49, by hire date desc',
      () =>
        repository.search(
          page({ status: 'on-duty', role: 'staff', birthDates: birthDateRange('40-49', today), sort: 'hiredOn', order: 'desc' }),
          city,
        ),
      shown,
    );
    await time(`district ${district}: page 1 by name`, () => repository.search(page({}), districtOp), shown);
    await time(
      `district ${district}: page 50 by post level desc`,
      () => repository.search(page({ page: 50, sort: 'postLevel', order: 'desc' }), districtOp),
      shown,
    );
    await time(
      `street ${street}: junior titles, by title`,
      () => repository.search(page({ title: 'junior', sort: 'title' }), streetOp),
      shown,
    );
    // A worker from the middle of the roster, whatever the size (a fixed offset ran past a small one).
    const [one] = (await ds.query('SELECT id FROM workers ORDER BY id OFFSET $1 LIMIT 1', [Math.floor(size / 2)])) as Array<{ id: string }>;
    const byId = await time(
      'one worker by id',
      () => repository.findById(one!.id),
      (r) => (r ? 'found' : 'missing'),
    );
    const rawById = await time(
      'raw SQL: one worker by id',
      () => ds.query('SELECT * FROM workers WHERE id = $1', [one!.id]) as Promise<unknown[]>,
      (r) => (r.length ? 'found' : 'missing'),
    );
    await time(
      `PROM-3 title counts of street ${street} under its lock`,
      () => ds.transaction((em) => repository.lockTitleCounts(em, street)),
      (c) => JSON.stringify(c),
    );
    console.log(`(${runs} runs each after a warm-up; total ${Math.round(performance.now() - t)} ms)`);
    const ms = (n: number): number => Number(n.toFixed(2));
    testing.printBenchRow({
      measure: `roster: city page 1 with its total, ${size} workers (vs the raw SQL page and count)`,
      unit: 'ms',
      platform: ms(cityPage),
      baseline: ms(rawCityPage),
    });
    testing.printBenchRow({
      measure: 'roster: one worker by id (vs a raw SELECT by id)',
      unit: 'ms',
      platform: ms(byId),
      baseline: ms(rawById),
    });
  } finally {
    await bench.close(keep);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
