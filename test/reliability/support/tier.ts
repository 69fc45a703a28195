/**
 * The running services of one reliability suite: each started as its own process on the real
 * PostgreSQL (E2E database, schemas of the run), Kafka and Temporal, with its log written to
 * `.state/reliability/<run>/<service>.log` (scanned for personal data at the end). Calls print
 * what was sent and what came back; figures (requests, faults, events) are appended to
 * `.state/reliability/figures.jsonl` for the tier summary.
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { appendFileSync, createWriteStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { Client as TemporalClient, Connection as TemporalConnection } from '@temporalio/client';
import { Pool as PgPool } from 'pg';
import {
  OrgUnitDirectory,
  authConfigSchema,
  authSettings,
  buildWorkflowBundle,
  fromRepoRoot,
  loadConfig,
  mintLocalToken,
  withStackEnv,
  type Role,
} from '@cwp/platform';
import { nationalIdCheckChar } from '@cwp/policy';
import { startServiceProcess, type ServiceProcess } from '@cwp/test-support';
import { SERVICES, type ServiceDefinition } from './services';

import { eventually } from './eventually';

export { eventually };

export const ROOT = path.resolve(__dirname, '../../..');
export const STATE_DIR = process.env.CWP_STATE_DIR ?? path.join(ROOT, '.state');
export const RELIABILITY_DIR = path.join(STATE_DIR, 'reliability');

/** Principals of the tier: in-scope operators of 黄浦区 / 南京东路街道, and their neighbours outside. */
export const UNITS = {
  city: '31',
  district: '310101',
  street: '310101002',
  otherDistrict: '310104',
  otherStreet: '310104003',
  // An HR or e-learning system's token: reads city-wide, writes only on routes that name `system`.
  system: '31',
} as const;
export type TokenName = 'city' | 'district' | 'street' | 'otherDistrict' | 'otherStreet' | 'system';

export interface Answer {
  status: number;
  text: string;
  body: any;
  ms: number;
}

export interface CallOptions {
  token?: TokenName | string | null;
  body?: unknown;
  /** Sent as is (a hostile body that JSON.stringify cannot produce). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** Print the exchange (default true). */
  quiet?: boolean;
}

export class Tier {
  readonly run = randomBytes(4).toString('hex');
  readonly logDir = path.join(RELIABILITY_DIR, this.run);
  readonly piiKey = randomBytes(32);
  readonly processes = new Map<string, ServiceProcess>();
  private readonly logs = new Map<string, WriteStream>();
  private readonly bundles = new Map<string, string>();
  readonly tokens = {} as Record<TokenName, string>;
  readonly figures = { requests: 0, faults: 0, events: 0, serverErrors: 0, unavailable: 0 };
  /** Wall seconds by part of the run (start, each suite, stop): where the tier's minutes go. */
  readonly seconds: Record<string, number> = {};
  /** National IDs, phones and personRefs this run sent: none may appear in a log, topic or history. */
  readonly personal = new Set<string>();
  private pool?: PgPool;

  constructor(readonly suite: string) {
    mkdirSync(this.logDir, { recursive: true });
  }

  definition(name: string): ServiceDefinition {
    const found = SERVICES.find((s) => s.name === name);
    if (!found) throw new Error(`unknown service ${name}`);
    return found;
  }

  /** Starts the named services (all by default) side by side and mints the tier's tokens. */
  async start(names: string[] = SERVICES.map((s) => s.name), extraEnv: Record<string, string> = {}): Promise<void> {
    for (const name of ['E2E_DATABASE_URL', 'KAFKA_BROKERS', 'TEMPORAL_ADDRESS']) {
      if (!process.env[name]) throw new Error(`${name} must be set (run \`bash infra/local/stack.sh up\`)`);
    }
    const began = performance.now();
    const stale = await this.terminateWorkflows('stale');
    if (stale > 0) this.say(`terminated ${stale} workflow(s) an earlier, interrupted run left running`);
    await Promise.all(names.map((name) => this.startService(name, extraEnv)));
    this.say(`${names.length} service(s) started side by side and ready in ${Math.round((performance.now() - began) / 1000)} s`);
    const env = withStackEnv(process.env);
    const settings = authSettings(loadConfig(authConfigSchema, env), env);
    const directory = OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json'));
    const roles: Record<TokenName, Role> = {
      city: 'city',
      district: 'district',
      street: 'street',
      otherDistrict: 'district',
      otherStreet: 'street',
      system: 'system',
    };
    for (const [name, role] of Object.entries(roles) as Array<[TokenName, Role]>) {
      this.tokens[name] = await mintLocalToken({ role, unit: UNITS[name], sub: `rel-${this.run}-${name}` }, settings, directory);
    }
  }

  async startService(name: string, extraEnv: Record<string, string> = {}): Promise<ServiceProcess> {
    const def = this.definition(name);
    let bundle = this.bundles.get(name);
    const dist = def.workflows ? path.join(ROOT, def.workflows.dist) : undefined;
    if (dist && bundle === undefined && existsSync(dist)) {
      // One bundle per build of the workflow package, shared by the tier's suites (webpack takes ~30 s here).
      const built = statSync(dist);
      bundle = path.join(STATE_DIR, 'reliability', `${name}-workflow-bundle-${Math.round(built.mtimeMs)}-${built.size}.js`);
      if (!existsSync(bundle)) {
        const partial = `${bundle}.${this.run}.tmp`;
        await buildWorkflowBundle(dist, partial);
        renameSync(partial, bundle);
      }
      this.bundles.set(name, bundle);
    }
    // The built service when there is one (npm test builds right before; `npx tsc -b` by hand):
    // swc-compiling every source at each start costs a minute on a busy machine.
    const built = def.entry.replace(/src\/main\.ts$/, 'dist/main.js');
    const entry = process.env.CWP_RELIABILITY_FROM_SOURCES !== 'true' && existsSync(path.join(ROOT, built)) ? built : def.entry;
    const proc = await startServiceProcess({
      name,
      entry,
      env: {
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        PII_ENCRYPTION_KEY: this.piiKey.toString('hex'),
        NODE_ENV: 'e2e',
        LOG_LEVEL: 'info',
        ...def.env(this.run),
        ...(def.workflows && bundle ? { [def.workflows.bundleVariable]: bundle } : {}),
        ...extraEnv,
      },
      port: this.processes.get(name)?.port,
      // Five services starting side by side on two cores shared with other test runs (load ~25).
      readyTimeoutMs: 240_000,
    });
    let log = this.logs.get(name);
    if (!log) {
      log = createWriteStream(path.join(this.logDir, `${name}.log`), { flags: 'a' });
      this.logs.set(name, log);
    }
    // Everything the process printed so far (startup), then the rest as it comes.
    log.write(proc.output());
    const sink = log;
    proc.child.stdout!.on('data', (chunk: Buffer) => sink.write(chunk));
    proc.child.stderr!.on('data', (chunk: Buffer) => sink.write(chunk));
    this.processes.set(name, proc);
    return proc;
  }

  process(name: string): ServiceProcess {
    const proc = this.processes.get(name);
    if (!proc) throw new Error(`${name} is not running in this suite`);
    return proc;
  }

  /** One HTTP exchange with a service, printed as `→ METHOD path body` / `← status body`. */
  async call(service: string, method: string, url: string, options: CallOptions = {}): Promise<Answer> {
    const token = options.token === null ? undefined : (this.tokens[(options.token ?? 'city') as TokenName] ?? options.token ?? undefined);
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const name = (options.body as { name?: unknown } | undefined)?.name;
    if (typeof name === 'string' && /[\u4e00-\u9fff]{2}/.test(name)) this.personal.add(name);
    const started = performance.now();
    const response = await fetch(`${this.process(service).baseUrl}/api/${service}${url}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const ms = Math.round(performance.now() - started);
    this.figures.requests++;
    if (response.status === 503) this.figures.unavailable++;
    else if (response.status >= 500) this.figures.serverErrors++;
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (options.quiet !== true) this.say(`${service} ${method} ${url} ${shorten(body)} → ${response.status} ${shorten(text)} (${ms} ms)`);
    return { status: response.status, text, body: parsed, ms };
  }

  /** Records (and prints) the wall time of one part of the run since `began` (performance.now()). */
  time(part: string, began: number): void {
    this.seconds[part] = Math.round((performance.now() - began) / 100) / 10;
    this.say(`${part}: ${this.seconds[part]} s`);
  }

  /** One line of the tier's transcript (stdout and the run's transcript file). */
  say(line: string): void {
    const text = `[${this.suite}] ${line}\n`;
    process.stdout.write(text);
    appendFileSync(path.join(this.logDir, 'transcript.txt'), text);
  }

  /** A line for the transcript file only (the thousands of passing abuse cases). */
  note(line: string): void {
    appendFileSync(path.join(this.logDir, 'transcript.txt'), `[${this.suite}] ${line}\n`);
  }

  /** A valid GB 11643 number never used before in this run (recorded for the personal-data scan). */
  nationalId(): string {
    const birth = `19${80 + (randomBytes(1)[0]! % 20)}0${1 + (randomBytes(1)[0]! % 9)}1${randomBytes(1)[0]! % 9}`;
    const first17 = `310101${birth}${String(randomBytes(2).readUInt16BE(0) % 1000).padStart(3, '0')}`;
    const id = first17 + nationalIdCheckChar(first17);
    this.personal.add(id);
    this.personal.add(this.personRef(id));
    return id;
  }

  /** A mainland mobile number for this run (recorded for the personal-data scan). */
  phone(): string {
    const phone = `139${String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0')}`;
    this.personal.add(phone);
    return phone;
  }

  /** The keyed HMAC services use for a national ID (PERSON_REF_KEY derived from the run's PII key). */
  personRef(nationalId: string): string {
    const refKey = Buffer.from(hkdfSync('sha256', this.piiKey, Buffer.alloc(0), 'cwp.person-ref.v1', 32));
    return createHmac('sha256', refKey).update(`cwp.person-ref.v1:${nationalId.trim().toUpperCase()}`).digest('hex');
  }

  /** SQL on the E2E database through one small pool (the scope suite and the fault polls run hundreds of queries). */
  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    if (!this.pool) {
      this.pool = new PgPool({ connectionString: process.env.E2E_DATABASE_URL, max: 3 });
      // The PostgreSQL fault terminates every backend, the pool's idle ones too: the pool drops them.
      this.pool.on('error', () => undefined);
    }
    try {
      return (await this.pool.query(text, params)).rows as T[];
    } catch (error) {
      // A connection the PostgreSQL fault terminated while idle in the pool: once more on a fresh one.
      const terminated = (error as { code?: string }).code === '57P01' || /Connection terminated/i.test(String(error));
      if (!terminated) throw error;
      return (await this.pool.query(text, params)).rows as T[];
    }
  }

  /**
   * Terminates every workflow this run left running on its task queues, so a rerun on the same
   * dev server starts clean (an open `quota-review:<year>` of an earlier run, whose worker is
   * gone, would otherwise take the next run's updates).
   */
  async terminateWorkflows(which: 'own' | 'stale' = 'own'): Promise<number> {
    const queues = taskQueuesOf(this.run, this.processes.keys());
    // Stale: on a task queue of any other run of the tier (`<prefix>-<8 hex>`), e.g. one killed by Ctrl-C
    // before its stop; its workflow ids (`quota-review:<year>`, `pay-recalibration:<year>`) are per namespace.
    const otherRun = new RegExp(
      `^(${taskQueuesOf('RUN')
        .map((q) => q.replace('RUN', ''))
        .join('|')})[0-9a-f]{8}$`,
    );
    if (which === 'own' && queues.length === 0) return 0;
    const connection = await TemporalConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
    let ended = 0;
    try {
      const client = new TemporalClient({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
      const query =
        which === 'own'
          ? `TaskQueue IN (${queues.map((q) => `'${q}'`).join(', ')}) AND ExecutionStatus = 'Running'`
          : `ExecutionStatus = 'Running'`;
      for await (const wf of client.workflow.list({ query })) {
        if (which === 'stale' && (!otherRun.test(wf.taskQueue) || wf.taskQueue.endsWith(this.run))) continue;
        await client.workflow
          .getHandle(wf.workflowId, wf.runId)
          .terminate(`reliability run ${this.run} ended`)
          .then(() => ended++)
          .catch(() => undefined); // ended by itself meanwhile
      }
    } finally {
      await connection.close();
    }
    return ended;
  }

  /** Stops every service (SIGTERM), ends the run's workflows, drops its schemas; logs stay for the personal-data scan. */
  async stop(): Promise<void> {
    const began = performance.now();
    for (const [name, proc] of this.processes) {
      const exit = await proc.stop();
      if (exit.forced) this.say(`${name} needed SIGKILL to stop`);
    }
    const ended = await this.terminateWorkflows().catch((error: Error) => {
      this.say(`could not end the run's workflows: ${error.message}`);
      return 0;
    });
    if (ended > 0) this.say(`terminated ${ended} workflow(s) left running on ${taskQueuesOf(this.run, this.processes.keys()).join(', ')}`);
    await Promise.all([...this.logs.values()].map((log) => new Promise<void>((resolve) => log.end(resolve))));
    for (const name of this.processes.keys())
      await this.sql(`DROP SCHEMA IF EXISTS ${this.definition(name).schema(this.run)} CASCADE`).catch(() => undefined);
    await this.pool?.end();
    this.pool = undefined;
    writeFileSync(path.join(this.logDir, 'personal.txt'), [...this.personal].join('\n'));
    this.time('stop', began);
    mkdirSync(RELIABILITY_DIR, { recursive: true });
    appendFileSync(
      path.join(RELIABILITY_DIR, 'figures.jsonl'),
      `${JSON.stringify({ suite: this.suite, run: this.run, at: new Date().toISOString(), ...this.figures, seconds: this.seconds })}\n`,
    );
    this.say(`figures: ${JSON.stringify(this.figures)}; seconds by part: ${JSON.stringify(this.seconds)}`);
  }
}

/** The task queues of one run (each service's `*_TASK_QUEUE` variable), all services by default. */
export function taskQueuesOf(run: string, names: Iterable<string> = SERVICES.map((s) => s.name)): string[] {
  return [...names].flatMap((name) =>
    Object.entries(SERVICES.find((s) => s.name === name)?.env(run) ?? {})
      .filter(([key, value]) => key.endsWith('_TASK_QUEUE') && value)
      .map(([, value]) => value!),
  );
}

function shorten(text: string | Buffer | undefined, max = 160): string {
  if (text === undefined) return '';
  const s = typeof text === 'string' ? text : `<${text.length} bytes>`;
  const printable = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return printable.length > max ? `${printable.slice(0, max)}… (${s.length} chars)` : printable;
}

/** SIGTERM to a stack server of this worktree (Kafka, Temporal) and waits until its process is gone. */
export async function terminateAndWait(pid: number, what: string): Promise<void> {
  process.kill(pid, 'SIGTERM');
  await eventually(
    async () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    },
    60_000,
    `${what} to stop`,
  );
}
