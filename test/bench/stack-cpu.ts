/**
 * Where a bench's CPU goes on this shared machine: CPU seconds of the local stack's servers
 * (PostgreSQL with all its backends, Kafka, Temporal; pids from `<state dir>/run/*.pid`), of given
 * processes, and of the whole machine (/proc/stat). Two readings around a window, divided by the
 * operations in it, say what one operation costs each part: the budget a ratio goal has to fit in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { stateDir } from '@cwp/platform';
import { cpuSecondsOf } from './http-load';

export type CpuReading = Record<string, number>;

const SERVERS = ['postgres', 'kafka', 'temporal'] as const;

/**
 * The pid and every living descendant (PostgreSQL forks a backend per connection), with the
 * descendants already reaped: without them a backend ending between two readings took its CPU with it.
 */
function treeCpuSeconds(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we listed: its CPU is gone with it
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    try {
      total += cpuSecondsOf(pid, { reapedChildren: true });
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Busy CPU seconds of the whole machine (every core, everything but idle and I/O wait). */
function machineCpuSeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = ticks.map(Number);
  return (n.reduce((a, b) => a + b, 0) - n[3]! - n[4]!) / 100; // minus idle and iowait
}

/** One reading: each stack server, each named process, this bench process, and the machine. */
export function readCpu(processes: Record<string, number> = {}): CpuReading {
  const own = process.cpuUsage();
  const reading: CpuReading = { machine: machineCpuSeconds(), bench: (own.user + own.system) / 1e6 };
  const run = path.join(stateDir(), 'run');
  for (const server of SERVERS) {
    const file = path.join(run, `${server}.pid`);
    if (existsSync(file)) reading[server] = treeCpuSeconds(Number(readFileSync(file, 'utf8').trim()));
  }
  for (const [name, pid] of Object.entries(processes)) reading[name] = treeCpuSeconds(pid);
  return reading;
}

/** Milliseconds of CPU per operation of each part between two readings, e.g. "machine 14.2, temporal 6.1, …". */
export function cpuPerOperation(before: CpuReading, after: CpuReading, operations: number): string {
  return Object.keys(after)
    .filter((k) => k in before)
    .map((k) => `${k} ${(((after[k]! - before[k]!) * 1000) / operations).toFixed(2)}`)
    .join(', ');
}

/**
 * Waits until the machine is quiet (under `busyShare` of its cores over a second), at most
 * `timeoutMs`: a bench run right after another starts while the servers still work off the one
 * before (the Temporal server terminating and indexing a previous bench's workflows). Resolves with
 * the last second's share, so the bench can print what it started from.
 */
export async function settledMachine(busyShare = 0.15, timeoutMs = 60_000): Promise<number> {
  const cores = availableParallelism();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const before = machineCpuSeconds();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const share = (machineCpuSeconds() - before) / cores;
    if (share < busyShare || Date.now() > deadline) return share;
  }
}
