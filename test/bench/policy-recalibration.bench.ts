/**
 * Throughput and peak memory of the yearly pay recalibration (PAY-3, PAY-7) over a city-sized
 * workforce, in process:
 *   npm run bench -- test/bench/policy-recalibration.bench.ts [--size 65000] [--runs 5] [--seed 2027]
 * Workers are synthetic and deterministic (the repository's seeded PRNG, mulberry32): post category, level, years of
 * service, and for one in ten a current pay above the matrix (the richer towns PAY-7 speaks of),
 * so the loser/gainer report has work to do. The reference wage is a synthetic figure.
 * Memory: process.memoryUsage() sampled after generation and after every run (the result is still
 * alive then), and the process's true peak RSS from process.resourceUsage().maxRSS.
 * Baseline for `npm run bench`'s table: the bare arithmetic of the same run (each worker's matrix
 * pay, scaled to the total and rounded), with no checks, exact-total distribution or explanation.
 */
import {
  defaultPolicyCatalog,
  monthlyBasePayFen,
  recalibrate,
  type PolicyVersion,
  type PostCategory,
  type RecalibrationWorker,
} from '@cwp/policy';
import { testing } from '@cwp/platform';
import { mulberry32 } from '@cwp/synthetic';

function syntheticWorkers(size: number, seed: number): RecalibrationWorker[] {
  const rnd = mulberry32(seed);
  const workers = new Array<RecalibrationWorker>(size);
  for (let i = 0; i < size; i++) {
    const r = rnd();
    const category: PostCategory = r < 0.05 ? 'head' : r < 0.2 ? 'manager' : 'staff';
    const yearsOfService = Math.floor(rnd() * rnd() * 36);
    const level = Math.min(18, 1 + Math.floor(yearsOfService / 2.5 + rnd() * 3));
    const w: RecalibrationWorker = { id: `w${i}`, category, level, yearsOfService };
    // One in ten is paid above the matrix today (local top-ups in richer towns).
    workers[i] = rnd() < 0.1 ? { ...w, currentAnnualFen: 16_000_000 + Math.floor(rnd() * 6_000_000) } : w;
  }
  return workers;
}

/** The bare arithmetic of a recalibration: matrix pay per worker scaled to a total, rounded. */
function bareRecalibration(policy: PolicyVersion, workers: RecalibrationWorker[], totalFen: number): Float64Array {
  const n = workers.length;
  const weights = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = workers[i]!;
    weights[i] = monthlyBasePayFen(policy.pay.matrix, w.category, w.level, w.yearsOfService);
    sum += weights[i]!;
  }
  const factor = totalFen / sum;
  for (let i = 0; i < n; i++) weights[i] = Math.round(weights[i]! * factor);
  return weights;
}

const MiB = 1024 * 1024;
const mib = (bytes: number) => Math.round((bytes / MiB) * 10) / 10;

function main(): void {
  const size = testing.benchNumber('size', 65_000);
  const runs = testing.benchNumber('runs', 5);
  const seed = testing.benchNumber('seed', 2027);
  const policy = defaultPolicyCatalog().byId('2027-proposal');
  const referenceWage = { year: 2026, annualFen: 14_000_000 }; // synthetic: ¥140,000 a year

  const baseline = process.memoryUsage();
  const t0 = performance.now();
  const workers = syntheticWorkers(size, seed);
  const generateMs = performance.now() - t0;
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;

  recalibrate(policy, { payYear: 2027, referenceWage, workers }); // warm-up (JIT)
  const perSecond: number[] = [];
  let last: ReturnType<typeof recalibrate> | undefined;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    last = recalibrate(policy, { payYear: 2027, referenceWage, workers });
    const seconds = (performance.now() - started) / 1000;
    perSecond.push(size / seconds);
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }
  const v = last!.value;
  bareRecalibration(policy, workers, v.totalFen); // warm-up (JIT)
  const bare: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    bareRecalibration(policy, workers, v.totalFen);
    bare.push(size / ((performance.now() - started) / 1000));
  }
  const barePerSecond = [...bare].sort((a, b) => a - b)[Math.floor(bare.length / 2)]!;
  const exactTotal = v.changes.reduce((a, c) => a + c.newAnnualFen, 0) === v.totalFen;
  const sorted = [...perSecond].sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        benchmark: 'policy recalibration (PAY-3, PAY-7)',
        node: process.version,
        workers: size,
        runs,
        generateMs: Math.round(generateMs),
        workersPerSecond: {
          median: Math.round(sorted[Math.floor(sorted.length / 2)]!),
          best: Math.round(sorted[sorted.length - 1]!),
          worst: Math.round(sorted[0]!),
        },
        msPerRun: { median: Math.round((size / sorted[Math.floor(sorted.length / 2)]!) * 1000) },
        memoryMiB: {
          baselineRss: mib(baseline.rss),
          peakRssSampled: mib(peakRss),
          peakRssProcess: mib(process.resourceUsage().maxRSS * 1024),
          baselineHeap: mib(baseline.heapUsed),
          peakHeapSampled: mib(peakHeap),
        },
        result: {
          scaleFactor: v.scaleFactor,
          averageMultiple: v.averageMultiple,
          totalFen: v.totalFen,
          exactTotal,
          gainers: v.gainers,
          losers: v.losers,
          belowAverage: v.belowAverage,
        },
      },
      null,
      2,
    ),
  );
  testing.printBenchRow({
    measure: `policy recalibration of ${size} workers, in process (vs the bare arithmetic, no checks or explanation)`,
    unit: 'workers/s',
    platform: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    baseline: Math.round(barePerSecond),
  });
  if (!exactTotal) process.exitCode = 1;
}

main();
