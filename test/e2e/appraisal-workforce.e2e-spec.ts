/**
 * APPR-5 / EXIT-3 cause 1 / EXIT-2 across two running services. The workforce service hires a
 * recruited and an elected worker; its `hired` events start each worker's performance record in
 * the appraisal service. Two appraisal years (each a real cycle: open, management ratings, close,
 * publish) grade both unqualified. The recruited worker's exit notice, confirmed by the street,
 * goes out as `cwp.appraisal.exit.triggered.v1` and the workforce service ends the contract with
 * EXIT-3 cause 1 and its explanation; the elected worker gets an organisational-adjustment task
 * and stays on duty. Each service has its own schema in the E2E database.
 */
import { randomBytes } from 'node:crypto';
import { testing } from '@cwp/platform';
import {
  callApi,
  pollUntil as eventually,
  requireE2eStack,
  saveServiceLogs,
  startServiceProcess,
  type ApiAnswer,
  type ServiceProcess,
} from '@cwp/test-support';
import { runStreetCycle } from './support/appraisal-cycle';
import { cleanUpE2eRun } from './support/run-cleanup';

const run = randomBytes(4).toString('hex');
const schemas = { workforce: `wf_appr_e2e_${run}`, appraisal: `appr_wf_e2e_${run}` };
const taskQueue = `appr-e2e-${run}`;
const STREET = '310104003';
const AREA = '310104003001';

let workforce: ServiceProcess;
let appraisal: ServiceProcess;
let token = '';

const api = (service: ServiceProcess, method: string, url: string, body?: unknown): Promise<ApiAnswer> =>
  callApi(service.baseUrl, method, `/api/${service.name}${url}`, token, body);

async function hire(entryRoute: 'recruited' | 'elected'): Promise<string> {
  const res = await api(workforce, 'POST', '/workers', {
    unitCode: AREA,
    name: '钱十',
    birthDate: '1990-05-17',
    education: 'bachelor',
    entryRoute,
    role: 'staff',
    postLevel: 2,
    hiredOn: '2024-03-01',
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** One appraisal year of the street: open, management rates everyone low, close, published. */
async function unqualifiedYear(year: number, workerIds: string[]): Promise<void> {
  await runStreetCycle((method, url, body) => api(appraisal, method, url, body), {
    street: STREET,
    year,
    workerIds,
    scores: { morality: 50, ability: 50, diligence: 50, performance: 40, integrity: 60 },
  });
  for (const workerId of workerIds) {
    const result = (await api(appraisal, 'GET', `/results/${workerId}/${year}`)).body;
    expect(result).toMatchObject({ grade: 'unqualified', status: 'published' });
    expect(result.explanation.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['APPR-1', 'APPR-2', 'APPR-3']));
  }
}

const taskOf = (record: any, kind: string, year: number) => record?.tasks?.find((t: any) => t.kind === kind && t.year === year);

beforeAll(async () => {
  const { databaseUrl } = requireE2eStack();
  const shared = { DATABASE_URL: databaseUrl, PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'), NODE_ENV: 'e2e' };
  [workforce, appraisal] = await Promise.all([
    startServiceProcess({
      name: 'workforce',
      entry: 'apps/workforce/src/main.ts',
      env: {
        ...shared,
        WORKFORCE_DB_SCHEMA: schemas.workforce,
        WORKFORCE_TASK_QUEUE: `wf-appr-e2e-${run}`,
        WORKFORCE_RUN_WORKER: 'false',
        WORKFORCE_QUOTA_REVIEW_SCHEDULE: 'false',
        WORKFORCE_APPRAISAL_EXITS_CONSUMER: `wf-appr-e2e-exits-${run}`,
      },
      readyTimeoutMs: 300_000,
    }),
    startServiceProcess({
      name: 'appraisal',
      entry: 'apps/appraisal/src/main.ts',
      env: {
        ...shared,
        APPRAISAL_DB_SCHEMA: schemas.appraisal,
        APPRAISAL_TASK_QUEUE: taskQueue,
        APPRAISAL_WORKERS_CONSUMER: `appr-e2e-workers-${run}`,
        APPRAISAL_RESIDENT_KEY: randomBytes(32).toString('hex'),
      },
      readyTimeoutMs: 300_000,
    }),
  ]);
  token = await testing.mintStackToken({ role: 'street', unit: STREET, sub: `e2e-street-${run}` });
}, 330_000);

afterAll(async () => {
  await Promise.all([workforce?.stop(), appraisal?.stop()]);
  saveServiceLogs({ [`e2e-appraisal-workforce-${run}.log`]: workforce, [`e2e-appraisal-${run}.log`]: appraisal });
  await cleanUpE2eRun({ taskQueues: [taskQueue], schemas: Object.values(schemas) });
}, 60_000);

describe('two unqualified years across workforce and appraisal (APPR-5, EXIT-2, EXIT-3 cause 1)', () => {
  it('a recruited worker leaves with EXIT-3 cause 1 and its explanation; an elected worker gets an adjustment task and stays', async () => {
    const recruited = await hire('recruited');
    const elected = await hire('elected');
    // The hired events reach the appraisal service through Kafka and its inbox.
    for (const id of [recruited, elected])
      await eventually(
        `record of ${id}`,
        () => api(appraisal, 'GET', `/records/${id}`),
        (r) => r.status === 200,
      );

    await unqualifiedYear(2025, [recruited, elected]);
    for (const id of [recruited, elected]) {
      await eventually(
        `admonishment of ${id}`,
        async () => (await api(appraisal, 'GET', `/records/${id}`)).body,
        (r) => taskOf(r, 'admonishment-talk', 2025) !== undefined,
      );
    }

    await unqualifiedYear(2026, [recruited, elected]);
    const recruitedRecord = await eventually(
      'exit notice',
      async () => (await api(appraisal, 'GET', `/records/${recruited}`)).body,
      (r) => taskOf(r, 'exit-notice', 2026) !== undefined,
    );
    const notice = taskOf(recruitedRecord, 'exit-notice', 2026);
    expect(notice.explanation.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['APPR-5', 'ORG-3', 'EXIT-3']));
    const electedRecord = await eventually(
      'adjustment task',
      async () => (await api(appraisal, 'GET', `/records/${elected}`)).body,
      (r) => taskOf(r, 'organisational-adjustment', 2026) !== undefined,
    );
    expect(taskOf(electedRecord, 'exit-notice', 2026)).toBeUndefined();
    expect(taskOf(electedRecord, 'organisational-adjustment', 2026).explanation.rules.map((r: { id: string }) => r.id)).toContain('EXIT-2');

    const today = new Date().toISOString().slice(0, 10);
    const decided = await api(appraisal, 'POST', `/records/${recruited}/tasks/${notice.id}/decision`, {
      decision: 'confirm',
      effectiveOn: today,
    });
    expect(decided).toMatchObject({ status: 200, body: { status: 'done', effectiveOn: today } });

    const exited = await eventually(
      'workforce exit',
      async () => (await api(workforce, 'GET', `/workers/${recruited}`)).body,
      (w) => w.status === 'exited',
    );
    expect(exited).toMatchObject({ status: 'exited', exitCause: 'unqualified-two-years', exitedOn: today });
    expect(exited.exitExplanation.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['EXIT-3', 'APPR-5']));
    expect(JSON.stringify(exited.exitExplanation.inputs)).toContain('2025');

    // The workforce `exited` event comes back and ends the record cleanly.
    await eventually(
      'record ended',
      async () => (await api(appraisal, 'GET', `/records/${recruited}`)).body,
      (r) => r.status === 'exited',
    );

    // EXIT-2: the elected worker is never ended by appraisal.
    expect((await api(workforce, 'GET', `/workers/${elected}`)).body).toMatchObject({ status: 'on-duty', exitCause: null });
  }, 480_000);
});
