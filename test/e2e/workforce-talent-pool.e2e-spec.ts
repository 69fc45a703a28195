/**
 * POOL-3 across two real services: a hire in the workforce service (its `cwp.workforce.worker.
 * hired.v1`, through its outbox and Kafka) ends the person's reserve entry in the talent pool.
 * Both processes share one PII_ENCRYPTION_KEY, so both derive the same `personRef` from a national
 * ID without it ever crossing between them. Each service has its own schema in the E2E database.
 */
import { randomBytes } from 'node:crypto';
import { testing } from '@cwp/platform';
import { callApi, requireE2eStack, startServiceProcess, type ApiAnswer, type ServiceProcess } from '@cwp/test-support';
import { cleanUpE2eRun } from './support/run-cleanup';

const run = randomBytes(4).toString('hex');
const schemas = { workforce: `wf_tp_e2e_${run}`, talentPool: `tp_wf_e2e_${run}` };
const taskQueue = `tp-wf-e2e-${run}`;
const STREET = '310104003';
const AREA = '310104003001';

let workforce: ServiceProcess;
let talentPool: ServiceProcess;
let token = '';

/** A birth date drawn per person (198x-0m-1d), the sequence from the platform's one builder (consecutive, never two alike in a run). */
function nationalId(): string {
  const birthDate = `198${randomBytes(1)[0]! % 10}0${1 + (randomBytes(1)[0]! % 9)}1${randomBytes(1)[0]! % 10}`;
  return testing.newNationalId({ birthDate, region: '310104' });
}

const api = (service: ServiceProcess, prefix: string, method: string, url: string, body?: unknown): Promise<ApiAnswer> =>
  callApi(service.baseUrl, method, `/api/${prefix}${url}`, token, body);

async function register(id: string): Promise<string> {
  const res = await api(talentPool, 'talent-pool', 'POST', '/entries', {
    name: '赵九',
    nationalId: id,
    phone: `139${String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0')}`,
    source: 'social-worker',
    education: 'bachelor',
    certificates: ['assistant-social-worker'],
    holdingUnit: STREET,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function hire(body: Record<string, unknown>): Promise<string> {
  const res = await api(workforce, 'workforce', 'POST', '/workers', {
    unitCode: AREA,
    name: '赵九',
    education: 'bachelor',
    entryRoute: 'recruited',
    role: 'staff',
    postLevel: 2,
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function entryWhen(id: string, done: (entry: any) => boolean, timeoutMs = 45_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entry = (await api(talentPool, 'talent-pool', 'GET', `/entries/${id}`)).body;
    if (done(entry) || Date.now() > deadline) return entry;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  const { databaseUrl } = requireE2eStack();
  const shared = { DATABASE_URL: databaseUrl, PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'), NODE_ENV: 'e2e' };
  [workforce, talentPool] = await Promise.all([
    startServiceProcess({
      name: 'workforce',
      entry: 'apps/workforce/src/main.ts',
      env: {
        ...shared,
        WORKFORCE_DB_SCHEMA: schemas.workforce,
        WORKFORCE_TASK_QUEUE: `wf-tp-e2e-${run}`,
        WORKFORCE_RUN_WORKER: 'false',
        WORKFORCE_QUOTA_REVIEW_SCHEDULE: 'false',
      },
      readyTimeoutMs: 150_000,
    }),
    startServiceProcess({
      name: 'talent-pool',
      entry: 'apps/talent-pool/src/main.ts',
      // No Temporal worker: this suite is about the event; entry workflows just wait and are ended below.
      env: {
        ...shared,
        TALENT_POOL_DB_SCHEMA: schemas.talentPool,
        TALENT_POOL_TASK_QUEUE: taskQueue,
        TALENT_POOL_RUN_WORKER: 'false',
        TALENT_POOL_HIRED_CONSUMER: `tp-wf-e2e-hired-${run}`,
        TALENT_POOL_RECONCILE_SECONDS: '0',
      },
      readyTimeoutMs: 150_000,
    }),
  ]);
  token = await testing.mintStackToken({ role: 'street', unit: STREET, sub: `e2e-street-${run}` });
}, 200_000);

afterAll(async () => {
  await Promise.all([workforce?.stop(), talentPool?.stop()]);
  await cleanUpE2eRun({ taskQueues: [taskQueue], schemas: Object.values(schemas) });
}, 60_000);

describe('POOL-3 workforce hire ends the reserve entry (two running services)', () => {
  it('a hire naming the entry and the person joins that entry', async () => {
    const id = nationalId();
    const entryId = await register(id);
    const workerId = await hire({ nationalId: id, talentPoolEntryId: entryId });
    const entry = await entryWhen(entryId, (e) => e.status !== 'active');
    expect(entry).toMatchObject({ status: 'joined', joinRoute: 'worker-hired-event', joinedWorkerId: workerId, nationalIdMasked: null });
  });

  it('a hire naming only the person (its personRef, derived on both sides) joins the entry too', async () => {
    const id = nationalId();
    const entryId = await register(id);
    const workerId = await hire({ nationalId: id });
    expect(await entryWhen(entryId, (e) => e.status !== 'active')).toMatchObject({ status: 'joined', joinedWorkerId: workerId });
  });

  it("another person's hire leaves the entry active", async () => {
    const entryId = await register(nationalId());
    const otherWorker = await hire({ nationalId: nationalId() });
    // Wait for the other hire to be consumed (its own entry-less event), then check ours is untouched.
    const probe = nationalId();
    const probeEntry = await register(probe);
    await hire({ nationalId: probe });
    expect((await entryWhen(probeEntry, (e) => e.status !== 'active')).status).toBe('joined');
    const entry = (await api(talentPool, 'talent-pool', 'GET', `/entries/${entryId}`)).body;
    expect(entry).toMatchObject({ status: 'active', joinedWorkerId: null });
    expect(otherWorker).not.toBe(entry.joinedWorkerId);
  });
});
