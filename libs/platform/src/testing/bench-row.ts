/**
 * The one interface between a benchmark and `npm run bench` (issue 15 goal 6): a bench prints each
 * figure it measured beside its raw baseline as one line `BENCH_ROW {json}` on stdout; the runner
 * (test/bench/run-benches.ts) runs every bench of its registry as a child process and collects
 * those lines into one table. A bench reads its size from `benchSize()` (CWP_BENCH_SIZE, set by the
 * runner) unless its own arguments say otherwise, and stays runnable alone.
 */
export const BENCH_ROW_PREFIX = 'BENCH_ROW ';

export type BenchSize = 'small' | 'city';

export interface BenchRow {
  /** What was measured, with the size it ran at: `GET /workers/:id, 10 connections`. */
  measure: string;
  /** Unit of both figures: `req/s`, `ms`, `events/s`, `MB`. */
  unit: string;
  /** The platform's figure. */
  platform: number;
  /** The raw baseline's figure, measured in the same run. */
  baseline: number;
  /** The goal on platform / baseline (`{ atLeast: 0.6 }` for throughput, `{ atMost: 2 }` for latency). */
  goal?: { atLeast?: number; atMost?: number };
}

export interface PrintedBenchRow extends BenchRow {
  /** platform / baseline, two decimals. */
  ratio: number;
  /** Whether the ratio meets the goal (absent without one). */
  met?: boolean;
}

/** A bench's `--<name> <value>` argument, if given. */
export function benchArg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** A bench's numeric `--<name> <value>` argument, or `fallback`. */
export function benchNumber(name: string, fallback: number): number {
  const value = benchArg(name);
  return value === undefined ? fallback : Number(value);
}

export function benchSize(): BenchSize {
  return process.env.CWP_BENCH_SIZE === 'city' ? 'city' : 'small';
}

export function benchRowOf(row: BenchRow): PrintedBenchRow {
  const ratio = row.baseline > 0 ? Number((row.platform / row.baseline).toFixed(2)) : Number.NaN;
  const met = row.goal
    ? (row.goal.atLeast === undefined || ratio >= row.goal.atLeast) && (row.goal.atMost === undefined || ratio <= row.goal.atMost)
    : undefined;
  return { ...row, ratio, ...(met === undefined ? {} : { met }) };
}

/** Prints one row for the runner (and a reader of the bench's own output). */
export function printBenchRow(row: BenchRow): PrintedBenchRow {
  const printed = benchRowOf(row);
  process.stdout.write(`${BENCH_ROW_PREFIX}${JSON.stringify(printed)}\n`);
  return printed;
}

/** The rows in a bench's output (lines that are not rows are ignored). */
export function parseBenchRows(output: string): PrintedBenchRow[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith(BENCH_ROW_PREFIX))
    .map((line) => JSON.parse(line.slice(BENCH_ROW_PREFIX.length)) as PrintedBenchRow);
}

/** `≥ 0.6×`, `≤ 2×`, `≥ 0.5× and ≤ 3×`. */
export function goalText(goal: BenchRow['goal']): string {
  if (!goal) return '';
  return [goal.atLeast === undefined ? '' : `≥ ${goal.atLeast}×`, goal.atMost === undefined ? '' : `≤ ${goal.atMost}×`]
    .filter(Boolean)
    .join(' and ');
}
