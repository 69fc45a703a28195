/**
 * GET /api/workforce/workers/:id through the full stack (issue 15 goal 1): the workforce service as
 * its own process (auth with the verified-token cache, scope, audit of denials, access log, Nest,
 * TypeORM) beside a plain node:http + pg route in its own process that also verifies the token
 * with jose on every request and selects the same row. Same load for both: a city token, 10
 * keep-alive connections, random ids of the 1,000 workers loaded, a warm-up, then the measured
 * window. Goal: ≥ 0.6× the baseline's req/s, p99 ≤ 2×.
 *   npm run bench -- test/bench/workforce-get.bench.ts [--seconds 15] [--connections 10] [--cpu-prof <dir>]
 * `--cpu-prof <dir>` writes a V8 CPU profile of the service process over its measured window into <dir>, for Chrome DevTools or `test/bench/cpu-profile-summary.ts`.
 * (5 s windows by default, 15 s when `npm run bench -- --size city` runs it.) The service runs
 * without its Temporal worker (idle for reads). Uses TEST_DATABASE_URL (a throw-away schema).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { jwtVerify } from 'jose';
import { Pool } from 'pg';
import { authConfigSchema, authSettings, loadConfig, loadOrCreateLocalSigningKey, testing, withStackEnv } from '@cwp/platform';
import { startServiceProcess, freePort } from '@cwp/test-support';
import { GET_BENCH_WORKERS, getBenchRows } from './get-fixtures';
import { forkServer, load, measured } from './http-load';

const PROFILE_PRELOAD = path.join(__dirname, 'fixtures/cpu-profile.preload.js');

/** The baseline: node:http + pg, jose verification of the bearer token on every request, one SELECT. */
async function baselineServer(port: number, schema: string): Promise<void> {
  const env = withStackEnv(process.env);
  const settings = authSettings(loadConfig(authConfigSchema, env), env);
  const { publicKey } = await loadOrCreateLocalSigningKey(settings.localKeyFile);
  const pool = new Pool({ connectionString: env.TEST_DATABASE_URL, max: 10 });
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        if (!token) throw Object.assign(new Error('no token'), { status: 401 });
        await jwtVerify(token, publicKey, { issuer: settings.issuer, audience: settings.audience, algorithms: ['EdDSA'] });
        const id = /^\/workers\/([0-9a-f-]{36})$/.exec(req.url ?? '')?.[1];
        const { rows } = await pool.query(`SELECT * FROM ${schema}.workers WHERE id = $1`, [id]);
        if (rows.length === 0) throw Object.assign(new Error('not found'), { status: 404 });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows[0]));
      } catch (error) {
        res.writeHead((error as { status?: number }).status ?? 500).end();
      }
    })();
  });
  server.listen(port, '127.0.0.1', () => process.send!('listening'));
}

async function startBaseline(schema: string): Promise<{ port: number; pid: number; stop(): void }> {
  const port = await freePort();
  return { port, ...(await forkServer(__filename, ['--baseline', String(port), schema], 'baseline')) };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--baseline') return baselineServer(Number(process.argv[3]), process.argv[4]!);
  const seconds = testing.benchNumber('seconds', testing.benchSize() === 'city' ? 15 : 5);
  const connections = testing.benchNumber('connections', 10);
  const profileAt = process.argv.indexOf('--cpu-prof');
  const profileDir = profileAt >= 0 ? path.resolve(process.argv[profileAt + 1]!) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const schema = `bench_get_${randomBytes(3).toString('hex')}`;
  const run = randomUUID().slice(0, 8);
  const { bench, ids, token } = await getBenchRows(schema, `bench-get-${run}`);
  const env = bench.env;
  let service: Awaited<ReturnType<typeof startServiceProcess>> | undefined;
  let baseline: Awaited<ReturnType<typeof startBaseline>> | undefined;
  try {
    const built = path.join(__dirname, '../../apps/workforce/dist/main.js');
    service = await startServiceProcess({
      name: 'workforce',
      entry: existsSync(built) ? 'apps/workforce/dist/main.js' : 'apps/workforce/src/main.ts',
      env: {
        DATABASE_URL: env.TEST_DATABASE_URL,
        PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        WORKFORCE_DB_SCHEMA: schema,
        WORKFORCE_SEED_ON_START: 'false',
        WORKFORCE_RUN_WORKER: 'false',
        WORKFORCE_QUOTA_REVIEW_SCHEDULE: 'false',
        WORKFORCE_TASK_QUEUE: `bench-get-${run}`,
        WORKFORCE_APPRAISAL_EXITS_CONSUMER: `bench-get-exits-${run}`,
        WORKFORCE_RECRUITMENT_APPOINTED_CONSUMER: `bench-get-appointed-${run}`,
        ...(profileDir ? { NODE_OPTIONS: `--require ${PROFILE_PRELOAD}`, CPU_PROFILE_DIR: profileDir } : {}),
      },
      readyTimeoutMs: 300_000,
    });
    baseline = await startBaseline(schema);
    const platformPath = (id: string) => `/api/workforce/workers/${id}`;
    const basePath = (id: string) => `/workers/${id}`;
    // Warm-up (JIT, pools, the token cache), then the measured windows, baseline first.
    await load(service.port, platformPath, ids, token, 2, connections);
    await load(baseline.port, basePath, ids, token, 2, connections);
    const raw = await measured(baseline.pid, () => load(baseline!.port, basePath, ids, token, seconds, connections));
    if (profileDir) service.child.kill('SIGWINCH'); // the profile covers the measured window only
    const full = await measured(service.child.pid!, () => load(service!.port, platformPath, ids, token, seconds, connections));
    console.log(`GET worker by id, ${connections} connections, ${seconds} s each, random ids of ${GET_BENCH_WORKERS}, city token`);
    console.log(`  full stack (workforce service)  ${JSON.stringify(full)}`);
    console.log(`  node:http + pg + jose verify     ${JSON.stringify(raw)}`);
    if (full.errors || raw.errors) throw new Error(`non-200 answers: service ${full.errors}, baseline ${raw.errors}`);
    testing.printBenchRow({
      measure: `GET /workers/:id, ${connections} connections (vs node:http + pg + jose)`,
      unit: 'req/s',
      platform: full.perSecond,
      baseline: raw.perSecond,
      goal: { atLeast: 0.6 },
    });
    testing.printBenchRow({
      measure: 'GET /workers/:id server CPU per request',
      unit: 'ms',
      platform: full.cpuMsPerRequest,
      baseline: raw.cpuMsPerRequest,
    });
    testing.printBenchRow({ measure: 'GET /workers/:id p50 latency', unit: 'ms', platform: full.p50, baseline: raw.p50 });
    testing.printBenchRow({
      measure: 'GET /workers/:id p99 latency',
      unit: 'ms',
      platform: full.p99,
      baseline: raw.p99,
      goal: { atMost: 2 },
    });
  } finally {
    baseline?.stop();
    await service?.stop();
    await bench.close(false);
  }
}

main().then(
  () => {
    if (process.argv[2] !== '--baseline') process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
