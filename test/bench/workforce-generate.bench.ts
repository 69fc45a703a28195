/**
 * Throughput and peak memory of the synthetic workforce generator:
 *   npm run bench -- test/bench/workforce-generate.bench.ts              (62,000 and 620,000)
 *   npm run bench -- test/bench/workforce-generate.bench.ts --size 620000 [--seed 1]
 * Two passes per size: generate only, and generate + JSON.stringify (what the NDJSON CLI does).
 * Peak memory is sampled every 5,000 workers. With NODE_OPTIONS=--expose-gc it also prints the live
 * heap after a full GC half-way through: flat across sizes means the generator streams.
 * Rows for `npm run bench`: the peak RSS of each generate + JSON pass beside the process's RSS
 * before the first worker (a generator that streams stays near it at any size).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testing } from '@cwp/platform';
import { generateWorkforce, SHANGHAI_WORKFORCE_SIZE, type TreeUnit } from '@cwp/synthetic';

interface Result {
  size: number;
  pass: string;
  seconds: number;
  perSecond: number;
  peakRssMiB: number;
  peakHeapMiB: number;
  /** Heap in use after a full GC half-way through (needs --expose-gc): what the generator retains. */
  liveHeapMiB: number | null;
  bytes: number;
}

const MiB = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc;

function run(units: readonly TreeUnit[], seed: number, size: number, serialise: boolean): Result {
  gc?.();
  let liveHeap: number | null = null;
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  let bytes = 0;
  let count = 0;
  let checksum = 0;
  const started = performance.now();
  for (const worker of generateWorkforce({ seed, size, units })) {
    count += 1;
    if (serialise) bytes += JSON.stringify(worker).length + 1;
    else checksum = (checksum + worker.postLevel) | 0;
    if (count % 5000 === 0) {
      const memory = process.memoryUsage();
      peakRss = Math.max(peakRss, memory.rss);
      peakHeap = Math.max(peakHeap, memory.heapUsed);
    }
    if (gc && count === Math.floor(size / 2)) {
      gc();
      liveHeap = process.memoryUsage().heapUsed;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (count !== size || checksum < 0) throw new Error(`expected ${size} workers, got ${count}`);
  return {
    size,
    pass: serialise ? 'generate + JSON' : 'generate',
    seconds,
    perSecond: Math.round(size / seconds),
    peakRssMiB: Math.round(peakRss / MiB),
    peakHeapMiB: Math.round(peakHeap / MiB),
    liveHeapMiB: liveHeap === null ? null : Math.round(liveHeap / MiB),
    bytes,
  };
}

function main(): void {
  const seed = Number(testing.benchArg('seed') ?? 1);
  const sizes = testing.benchArg('size') ? [Number(testing.benchArg('size'))] : [SHANGHAI_WORKFORCE_SIZE, SHANGHAI_WORKFORCE_SIZE * 10];
  // The committed tree (its spec in @cwp/synthetic and every service's boot validate it).
  const { units } = JSON.parse(readFileSync(join(__dirname, '../../seeds/org-tree/shanghai.json'), 'utf8')) as { units: TreeUnit[] };
  const baseline = process.memoryUsage();
  console.log(
    `node ${process.version}; org tree ${units.length} units; baseline rss ${Math.round(baseline.rss / MiB)} MiB, heap ${Math.round(baseline.heapUsed / MiB)} MiB`,
  );
  run(units, seed, 5000, false); // warm-up (JIT)
  const results = sizes.flatMap((size) => [run(units, seed, size, false), run(units, seed, size, true)]);
  if (!gc) console.log('(run with NODE_OPTIONS=--expose-gc to also see the live heap half-way through)');
  console.log('size      pass              seconds  workers/s  peak rss MiB  peak heap MiB  live heap MiB  NDJSON MiB');
  for (const r of results) {
    console.log(
      `${String(r.size).padEnd(9)} ${r.pass.padEnd(17)} ${r.seconds.toFixed(2).padStart(7)} ${String(r.perSecond).padStart(10)} ` +
        `${String(r.peakRssMiB).padStart(13)} ${String(r.peakHeapMiB).padStart(14)} ${String(r.liveHeapMiB ?? '-').padStart(14)} ${r.bytes ? (r.bytes / MiB).toFixed(1).padStart(11) : '          -'}`,
    );
  }
  for (const r of results.filter((result) => result.bytes > 0)) {
    testing.printBenchRow({
      measure: `synthetic workforce: peak RSS generating ${r.size} workers as NDJSON (${r.perSecond} workers/s) vs RSS before the first`,
      unit: 'MiB',
      platform: r.peakRssMiB,
      baseline: Math.round(baseline.rss / MiB),
    });
  }
}

main();
