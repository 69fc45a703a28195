// Starts a service as its own OS process (the built `dist/main.js`, or a TypeScript entry run
// through swc-node) and waits until GET /ready answers 200, for end-to-end tests. The process
// gets a free port, the caller's environment on top of this one, and is stopped with SIGTERM
// (then SIGKILL after a grace period) so its shutdown hooks run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const LOG_LIMIT = 200_000;

export interface ServiceProcessOptions {
  /** Name used in messages, e.g. `talent-pool`. */
  name: string;
  /** `dist/main.js` (run with node) or a `.ts` entry (run with swc-node and source paths). */
  entry: string;
  /** Variables added to (and overriding) this process's environment. */
  env?: Record<string, string | undefined>;
  /** Default: a free port picked now. */
  port?: number;
  readyTimeoutMs?: number;
}

export interface ServiceProcess {
  readonly name: string;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly child: ChildProcess;
  /** stdout + stderr so far (the last 200 kB). */
  output(): string;
  /**
   * SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. `forced` tells
   * whether SIGKILL was needed (a clean shutdown ends by itself, often re-raising SIGTERM).
   */
  stop(graceMs?: number): Promise<ServiceExit>;
}

export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  forced: boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const entry = path.resolve(ROOT, options.entry);
  if (!existsSync(entry)) throw new Error(`${options.name}: entry ${entry} does not exist (build it with \`npx tsc -b\`?)`);
  const port = options.port ?? (await freePort());
  const isTs = entry.endsWith('.ts');
  // CWP_SERVICE_NODE_ARGS: node options for the service only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`
  // to profile it under a bench; --cpu-prof is refused in NODE_OPTIONS).
  const nodeArgs = (process.env.CWP_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const args = [...nodeArgs, ...(isTs ? ['-r', '@swc-node/register', entry] : [entry])];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(isTs ? { SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.paths.json') } : {}),
    ...options.env,
    PORT: String(port),
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];

  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Chunks kept as they come and cut back to the last LOG_LIMIT characters only once they hold
  // twice that: re-slicing 200 kB on every chunk cost the test process (a bench's load generator)
  // a copy per access-log line of the service it measures.
  let chunks: string[] = [];
  let held = 0;
  const log = (): string => {
    const joined = chunks.join('').slice(-LOG_LIMIT);
    chunks = [joined];
    held = joined.length;
    return joined;
  };
  const append = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    chunks.push(text);
    held += text.length;
    if (held > 2 * LOG_LIMIT) log();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const service: ServiceProcess = {
    name: options.name,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output: log,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode, forced: false };
      let forced = false;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        forced = true;
        child.kill('SIGKILL');
      }, graceMs);
      try {
        return { ...(await exited), forced };
      } finally {
        clearTimeout(timer);
      }
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  let last = 'no answer yet';
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${options.name} exited (${child.exitCode ?? child.signalCode}) before it was ready. Output:\n${tail(log())}`);
    }
    try {
      const response = await fetch(`${service.baseUrl}/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return service;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) {
      await service.stop(2_000);
      throw new Error(
        `${options.name} was not ready within ${options.readyTimeoutMs ?? 90_000} ms (last: ${last}). Output:\n${tail(log())}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function tail(text: string, lines = 60): string {
  return text.split('\n').slice(-lines).join('\n');
}
