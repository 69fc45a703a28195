/**
 * The HTTP load of the request-path benches (workforce-get, nest-adapters): keep-alive loops of
 * GET against a server in another process, with latency percentiles and the server's CPU per
 * request (steadier than req/s on a machine other work shares).
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux): a server's CPU per
 * request holds steadier than its req/s on a machine other work shares. With `reapedChildren`, the
 * CPU of the children it has reaped too (a PostgreSQL backend's, once it exits).
 */
export function cpuSecondsOf(pid: number, options: { reapedChildren?: boolean } = {}): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const own = Number(fields[11]) + Number(fields[12]); // utime, stime in clock ticks (USER_HZ 100)
  return (options.reapedChildren ? own + Number(fields[13]) + Number(fields[14]) : own) / 100; // + cutime, cstime
}

/**
 * A bench's server in its own process (for its own CPU figure): `file` forked with `args` under the
 * same runtime flags; resolves once the child sends its first message (it is listening).
 */
export async function forkServer(file: string, args: string[], label: string): Promise<{ pid: number; stop(): void }> {
  const child = fork(file, args, { execArgv: process.execArgv, stdio: 'inherit' });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code}`)));
  });
  return { pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** A load window with the server's CPU per request over it. */
export async function measured(pid: number, run: () => Promise<LoadResult>): Promise<LoadResult & { cpuMsPerRequest: number }> {
  const before = cpuSecondsOf(pid);
  const result = await run();
  return { ...result, cpuMsPerRequest: Number((((cpuSecondsOf(pid) - before) * 1000) / result.requests).toFixed(2)) };
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** `connections` keep-alive loops of GET `url(id)` for `seconds`; latencies in ms. */
export async function load(
  port: number,
  pathOf: (id: string) => string,
  ids: string[],
  token: string,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const one = (id: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: pathOf(id), agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const status = await one(ids[Math.floor(Math.random() * ids.length)]!);
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(2));
  return { requests: latencies.length, perSecond: Math.round(latencies.length / elapsed), p50: at(0.5), p99: at(0.99), errors };
}
