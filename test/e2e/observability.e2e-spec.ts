/**
 * Issue 9 §2 on a real service process (talent-pool, unchanged app code): `/metrics` serves the
 * platform's series, process metrics and the Temporal SDK's worker metrics; with
 * OTEL_EXPORTER_OTLP_ENDPOINT set, the request that registers an entry and the workflow start it
 * makes are exported over OTLP in the caller's trace, and the access log line carries its trace id.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  OrgUnitDirectory,
  authConfigSchema,
  authSettings,
  buildWorkflowBundle,
  fromRepoRoot,
  loadConfig,
  mintLocalToken,
  sampleValue,
  withStackEnv,
} from '@cwp/platform';
import { nationalIdCheckChar } from '@cwp/policy';
import { startOtlpReceiver, startServiceProcess, type OtlpReceiver, type ServiceProcess } from '@cwp/test-support';

const ROOT = path.resolve(__dirname, '../..');
const run = randomBytes(4).toString('hex');
const taskQueue = `obs-e2e-${run}`;
const STREET = '310101002';

let service: ServiceProcess;
let receiver: OtlpReceiver;
let token = '';

function nationalId(): string {
  const first17 = `310101${1985 + (randomBytes(1)[0]! % 20)}0${1 + (randomBytes(1)[0]! % 9)}1${randomBytes(1)[0]! % 10}${String(randomBytes(2).readUInt16BE(0) % 1000).padStart(3, '0')}`;
  return first17 + nationalIdCheckChar(first17);
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const scrape = async (): Promise<string> => (await fetch(`${service.baseUrl}/metrics`)).text();

beforeAll(async () => {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl || !process.env.TEMPORAL_ADDRESS || !process.env.KAFKA_BROKERS) {
    throw new Error('E2E_DATABASE_URL, TEMPORAL_ADDRESS and KAFKA_BROKERS must be set (run `bash infra/local/stack.sh up`)');
  }
  receiver = await startOtlpReceiver();
  const built = path.join(ROOT, 'apps/talent-pool/dist/main.js');
  const workflows = path.join(ROOT, 'workflows/talent-pool/dist/index.js');
  const bundle = path.join(tmpdir(), `obs-e2e-${run}-workflow-bundle.js`);
  if (existsSync(workflows)) await buildWorkflowBundle(workflows, bundle);
  service = await startServiceProcess({
    name: 'talent-pool',
    entry: existsSync(built) ? built : 'apps/talent-pool/src/main.ts',
    env: {
      DATABASE_URL: databaseUrl,
      TALENT_POOL_DB_SCHEMA: `obs_e2e_${run}`,
      TALENT_POOL_TASK_QUEUE: taskQueue,
      TALENT_POOL_HIRED_CONSUMER: `obs-e2e-hired-${run}`,
      TALENT_POOL_WORKFLOW_BUNDLE: existsSync(bundle) ? bundle : undefined,
      TALENT_POOL_RECONCILE_SECONDS: '0',
      PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      NODE_ENV: 'e2e',
      LOG_LEVEL: 'info',
    },
    readyTimeoutMs: 150_000,
  });
  const env = withStackEnv(process.env);
  const directory = OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json'));
  token = await mintLocalToken(
    { role: 'street', unit: STREET, sub: 'obs-e2e' },
    authSettings(loadConfig(authConfigSchema, env), env),
    directory,
  );
}, 150_000);

afterAll(async () => {
  await service?.stop();
  await receiver?.close();
});

it('serves request latency by route, process metrics and the Temporal worker metrics of its task queue', async () => {
  const list = await fetch(`${service.baseUrl}/api/talent-pool/entries`, { headers: { authorization: `Bearer ${token}` } });
  expect(list.status).toBe(200);
  const text = await until(async () => {
    const t = await scrape();
    const temporal = t.split('\n').some((line) => line.startsWith('temporal_') && line.includes(`task_queue="${taskQueue}"`));
    return temporal && sampleValue(t, 'cwp_http_request_duration_seconds_count', { route: '/api/talent-pool/entries', status: '200' }) === 1
      ? t
      : undefined;
  }, 'HTTP and Temporal series');
  expect(sampleValue(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  expect(sampleValue(text, 'cwp_outbox_backlog_rows')).toBe(0);
});

it('exports the request and the workflow start it made over OTLP in the caller’s trace; the log line keeps it', async () => {
  const traceId = randomBytes(16).toString('hex');
  const res = await fetch(`${service.baseUrl}/api/talent-pool/entries`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    },
    body: JSON.stringify({
      name: '周九',
      nationalId: nationalId(),
      phone: `139${String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0')}`,
      source: 'social-worker',
      education: 'bachelor',
      certificates: ['assistant-social-worker'],
      holdingUnit: STREET,
    }),
  });
  expect(res.status).toBe(201);
  const spans = await until(async () => {
    const mine = receiver.spans.filter((s) => s.traceId === traceId);
    return mine.some((s) => s.name.startsWith('StartWorkflow:')) && mine.some((s) => s.name === 'POST /api/talent-pool/entries')
      ? mine
      : undefined;
  }, 'the trace exported by the service');
  expect(spans.every((s) => s.serviceName === 'talent-pool')).toBe(true);
  const request = spans.find((s) => s.name === 'POST /api/talent-pool/entries')!;
  expect(spans.find((s) => s.name.startsWith('StartWorkflow:'))!.parentSpanId).toBe(request.spanId);
  // The service writes its log in blocks (a quarter second at most): wait for the request's line.
  const line = await until(
    async () =>
      service
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{') && l.endsWith('}')) // a line still being written is left for the next look
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === 'request' && l.method === 'POST' && l.traceId === traceId),
    'the access-log line of the request',
  );
  expect(line).toMatchObject({ status: 201, traceId });
});
