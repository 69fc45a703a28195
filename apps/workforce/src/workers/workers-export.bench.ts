/**
 * The streamed roster export at ten times the city (issue 14: "a city-wide roster of 620,000 rows
 * must not be built in memory: report peak memory"):
 *   npm run bench -- apps/workforce/src/workers/workers-export.bench.ts [--size 620000] [--keep]
 * Loads N generated workers into a throw-away schema of TEST_DATABASE_URL's database, then, in this
 * process, one after the other (a full GC before each), drains into a sink that discards:
 *   raw   `COPY (SELECT …) TO STDOUT (FORMAT csv)` of the same rows: what PostgreSQL and the driver cost;
 *   csv   the service's export path: database cursor → Chinese labels → CSV writer;
 *   xlsx  the same rows through the streamed XLSX writer.
 * Memory is sampled every 20 ms: peak RSS and peak heap above what the process held before the run
 * (heap includes garbage not collected yet), and every 0.5 s after a full GC: the live heap, what
 * the export really holds.
 * The HTTP layer is left out: Nest pipes the same stream to the socket.
 * Each service path prints BENCH_ROW rows (time, and live heap after a full GC) beside the raw
 * COPY's figures of the same run. `--expose-gc` is set from inside (node's flag, through v8).
 */
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { to as copyTo } from 'pg-copy-streams';
import { CITY_CODE, csvStream, OrgUnitDirectory, testing, xlsxStream, type Principal } from '@cwp/platform';
import { shanghaiDate } from '@cwp/policy';
import { DEFAULT_AS_OF, generateWorkforce } from '@cwp/synthetic';
import { openBenchSchema } from '../testing';
import { ROSTER_HEADERS, rosterCells } from './roster-export';
import { loadSyntheticWorkers } from './synthetic-workers.loader';
import { WorkerRepository } from './worker.repository';
import { WORKER_COLUMNS } from './worker.row';

const at = process.argv.indexOf('--size');
const size = at >= 0 ? Number(process.argv[at + 1]) : 620_000;
const keep = process.argv.includes('--keep');

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MiB = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

interface Measured {
  seconds: number;
  /** Peak live heap above the start, after a full GC (MiB). */
  liveMiB: number;
}

/** Drains a stream into nothing, counting bytes; peak memory above the start sampled meanwhile. */
async function measure(what: string, open: () => Promise<Readable> | Readable): Promise<Measured> {
  gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  let peakLive = before.heapUsed;
  let ticks = 0;
  const sampler = setInterval(() => {
    // Every half second a full GC first: heap still in use then is what the export holds, not garbage V8 has not collected yet.
    if (++ticks % 25 === 0) {
      gc();
      peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
    }
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);
  let bytes = 0;
  const t = performance.now();
  await pipeline(
    await open(),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  const ms = performance.now() - t;
  clearInterval(sampler);
  // One more full GC at the end, so a run shorter than the sampling period still has a live figure.
  gc();
  peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
  console.log(
    `${what.padEnd(40)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${MiB(bytes).padStart(7)} MiB out  ` +
      `peak RSS +${MiB(peakRss - before.rss).padStart(6)} MiB (of ${MiB(peakRss)})  peak heap +${MiB(peakHeap - before.heapUsed)} MiB` +
      `  live heap after GC +${MiB(peakLive - before.heapUsed)} MiB`,
  );
  return { seconds: Number((ms / 1000).toFixed(2)), liveMiB: Number(MiB(peakLive - before.heapUsed)) };
}

/** Time and live heap of a service path beside the raw COPY of the same rows. */
function printRows(path: string, service: Measured, raw: Measured): void {
  testing.printBenchRow({
    measure: `roster export ${path}, ${size} rows (vs raw COPY)`,
    unit: 's',
    platform: service.seconds,
    baseline: raw.seconds,
  });
  testing.printBenchRow({
    measure: `roster export ${path}, ${size} rows: live heap after full GC (vs raw COPY)`,
    unit: 'MiB',
    platform: service.liveMiB,
    baseline: raw.liveMiB,
  });
}

async function main(): Promise<void> {
  const bench = await openBenchSchema(`bench_workforce_export_${size}`);
  const { ds, env } = bench;
  try {
    const units = OrgUnitDirectory.fromFile(env.ORG_TREE_FILE ?? 'seeds/org-tree/shanghai.json').unitsWithin(CITY_CODE);
    let t = performance.now();
    const loaded = await loadSyntheticWorkers(ds, generateWorkforce({ seed: 1, size, units }), { exitedShare: 0.08, asOf: DEFAULT_AS_OF });
    await ds.query('ANALYZE workers');
    console.log(`${loaded} workers loaded and analysed in ${Math.round(performance.now() - t)} ms`);

    const city: Principal = { sub: 'bench', role: 'city', unit: CITY_CODE };
    const repository = new WorkerRepository(ds);
    const today = shanghaiDate(new Date());
    const rows = (): AsyncGenerator<Array<string | number | null>> =>
      (async function* () {
        for await (const row of repository.streamAll({}, city)) yield rosterCells(row, today);
      })();
    t = performance.now();
    const raw = await measure('raw: COPY … TO STDOUT (csv)', async () => {
      const runner = ds.createQueryRunner();
      const client = (await runner.connect()) as { query<T>(stream: T): T };
      const copy = client.query(
        copyTo(
          `COPY (SELECT ${WORKER_COLUMNS} FROM workers w ORDER BY w.unit_code, w.name, w.id) TO STDOUT WITH (FORMAT csv, HEADER true)`,
        ),
      );
      copy.on('end', () => void runner.release());
      return copy;
    });
    const csv = await measure('service: cursor → labels → CSV', () => csvStream(ROSTER_HEADERS, rows()));
    const xlsx = await measure('service: cursor → labels → XLSX', () => xlsxStream(ROSTER_HEADERS, rows(), { sheetName: '花名册' }));
    printRows('CSV', csv, raw);
    printRows('XLSX', xlsx, raw);
    console.log(`(${size} rows each; total ${Math.round((performance.now() - t) / 1000)} s)`);
  } finally {
    await bench.close(keep);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
