/**
 * TRAIN-2, TRAIN-3 across two running services. The workforce service hires a worker; its
 * `hired` event puts the worker on the training roster and starts the development plan workflow.
 * An off-the-job class and an e-learning system's completions build 79 hours: the yearly
 * compliance run (a real workflow with its heartbeating activity) flags the worker (TRAIN-3) and
 * publishes the shortfall on Kafka; one more hour and a second run clears them at 80 and publishes
 * that. Each service has its own schema in the E2E database.
 */
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { testing } from '@cwp/platform';
import {
  callApi,
  pollUntil as eventually,
  readEvents,
  requireE2eStack,
  saveServiceLogs,
  startServiceProcess,
  type ApiAnswer,
  type ServiceProcess,
} from '@cwp/test-support';
import { cleanUpE2eRun } from './support/run-cleanup';

const run = randomBytes(4).toString('hex');
const schemas = { workforce: `wf_train_e2e_${run}`, training: `train_wf_e2e_${run}` };
const taskQueue = `train-e2e-${run}`;
const DISTRICT = '310104';
const STREET = '310104003';
const AREA = '310104003001';
const YEAR = 2026;

let workforce: ServiceProcess;
let training: ServiceProcess;
let connection: Connection;
let temporal: Client;
const tokens: Record<string, string> = {};

const api = (service: ServiceProcess, as: string, method: string, url: string, body?: unknown): Promise<ApiAnswer> =>
  callApi(service.baseUrl, method, `/api/${service.name}${url}`, tokens[as], body);

async function complianceRun(): Promise<void> {
  expect((await api(training, 'city', 'POST', '/compliance/runs', { year: YEAR })).status).toBe(202);
  const done = await eventually(
    `compliance run ${YEAR}`,
    async () => (await api(training, 'city', 'GET', `/compliance/runs/${YEAR}`)).body,
    (r) => r?.status === 'completed' || r?.status === 'failed',
  );
  expect(done.status).toBe('completed');
}

beforeAll(async () => {
  const { databaseUrl } = requireE2eStack();
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  temporal = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  // The year's run id is a business key: a run an earlier, interrupted e2e left running must not answer 409.
  await temporal.workflow
    .getHandle(`training-compliance:${YEAR}`)
    .terminate('a new e2e run')
    .catch(() => undefined);
  const shared = { DATABASE_URL: databaseUrl, PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'), NODE_ENV: 'e2e' };
  [workforce, training] = await Promise.all([
    startServiceProcess({
      name: 'workforce',
      entry: 'apps/workforce/src/main.ts',
      env: {
        ...shared,
        WORKFORCE_DB_SCHEMA: schemas.workforce,
        WORKFORCE_TASK_QUEUE: `wf-train-e2e-${run}`,
        WORKFORCE_RUN_WORKER: 'false',
        WORKFORCE_QUOTA_REVIEW_SCHEDULE: 'false',
        WORKFORCE_APPRAISAL_EXITS_CONSUMER: `wf-train-e2e-exits-${run}`,
      },
      readyTimeoutMs: 300_000,
    }),
    startServiceProcess({
      name: 'training',
      entry: 'apps/training/src/main.ts',
      env: {
        ...shared,
        TRAINING_DB_SCHEMA: schemas.training,
        TRAINING_TASK_QUEUE: taskQueue,
        TRAINING_WORKERS_CONSUMER: `train-e2e-workers-${run}`,
        TRAINING_COMPLIANCE_SCHEDULE: 'false',
      },
      readyTimeoutMs: 300_000,
    }),
  ]);
  const mint = testing.mintStackToken;
  tokens.street = await mint({ role: 'street', unit: STREET, sub: `e2e-street-${run}` });
  tokens.district = await mint({ role: 'district', unit: DISTRICT, sub: `e2e-district-${run}` });
  tokens.city = await mint({ role: 'city', unit: '31', sub: `e2e-city-${run}` });
  tokens.elearning = await mint({ role: 'system', unit: '31', sub: `e2e-elearning-${run}` });
}, 330_000);

afterAll(async () => {
  await Promise.all([workforce?.stop(), training?.stop()]);
  saveServiceLogs({ [`e2e-training-workforce-${run}.log`]: workforce, [`e2e-training-${run}.log`]: training });
  await connection?.close();
  await cleanUpE2eRun({ taskQueues: [taskQueue], schemas: Object.values(schemas) });
}, 60_000);

describe('a hire starts the development plan; hours decide the yearly compliance (TRAIN-2, TRAIN-3)', () => {
  it('the compliance run flags the worker at 79 hours and clears them at 80, each published on Kafka', async () => {
    const hired = await api(workforce, 'street', 'POST', '/workers', {
      unitCode: AREA,
      name: '孙十一',
      birthDate: '1995-04-12',
      education: 'bachelor',
      entryRoute: 'recruited',
      role: 'staff',
      postLevel: 2,
      hiredOn: '2024-03-01',
    });
    expect(hired.status).toBe(201);
    const workerId = hired.body.id as string;

    // The hired event reaches the training service through Kafka and its inbox; the plan starts after the commit.
    const trainee = await eventually(
      'trainee on the roster',
      () => api(training, 'street', 'GET', `/workers/${workerId}`),
      (r) => r.status === 200,
    );
    expect(trainee.body).toMatchObject({ unitCode: AREA, hiredOn: '2024-03-01', planStatus: 'open' });
    const plan = await eventually(
      'development plan workflow',
      () =>
        temporal.workflow
          .getHandle(`training-plan:${workerId}`)
          .describe()
          .catch(() => null),
      (d) => d !== null,
    );
    expect(plan!.status.name).toBe('RUNNING');

    // An off-the-job class of the district (TRAIN-4): three days of eight hours.
    const course = await api(training, 'city', 'POST', '/library', {
      kind: 'course',
      title: '社区工作者专业能力提升班（脱产）',
      module: 'social-welfare',
      step: 'professional',
      form: 'centralised',
      delivery: 'offline',
      hours: 24,
    });
    expect(course.status).toBe(201);
    const cls = await api(training, 'district', 'POST', '/classes', {
      courseId: course.body.id,
      unitCode: DISTRICT,
      startsOn: '2026-04-07',
      endsOn: '2026-04-09',
      place: '徐汇区社区学院',
      capacity: 40,
      offJob: true,
    });
    expect(cls.status).toBe(201);
    expect((await api(training, 'street', 'POST', `/classes/${cls.body.id}/enrolments`, { workerIds: [workerId] })).status).toBe(200);
    const attended = await api(training, 'district', 'POST', `/classes/${cls.body.id}/attendance`, {
      records: ['2026-04-07', '2026-04-08', '2026-04-09'].map((attendedOn) => ({ workerId, attendedOn, hours: 8 })),
    });
    expect(attended.body).toEqual({ recorded: 3 });
    // The e-learning system's completions: 24 + 24 + 7 = 55 more hours, 79 in all.
    for (const [i, hours] of [24, 24, 7].entries()) {
      const done = await api(training, 'elearning', 'POST', '/completions', {
        completionId: `e2e-${run}-${i}`,
        workerId,
        completedOn: `2026-0${5 + i}-15`,
        hours,
      });
      expect(done.status).toBe(201);
    }
    expect((await api(training, 'street', 'GET', `/workers/${workerId}/hours?year=${YEAR}`)).body).toMatchObject({
      total: 79,
      offJob: true,
    });

    await complianceRun();
    const flagged = (await api(training, 'street', 'GET', `/workers/${workerId}/compliance?year=${YEAR}`)).body;
    expect(flagged).toMatchObject({ hours: 79, requiredHours: 80, compliant: false, offJobMet: true, failedRules: ['TRAIN-3'] });
    expect(flagged.explanation.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['TRAIN-3', 'TRAIN-4']));

    // One hour more: 80.
    expect(
      (
        await api(training, 'elearning', 'POST', '/completions', {
          completionId: `e2e-${run}-last`,
          workerId,
          completedOn: '2026-09-01',
          hours: 1,
        })
      ).status,
    ).toBe(201);
    await complianceRun();
    const cleared = (await api(training, 'street', 'GET', `/workers/${workerId}/compliance?year=${YEAR}`)).body;
    expect(cleared).toMatchObject({ hours: 80, compliant: true, failedRules: [] });

    const events = await readEvents({
      topic: 'cwp.training.compliance',
      filter: (e) => e.key === workerId,
      count: 2,
      timeoutMs: 60_000,
    });
    expect(events.map((e) => [e.value.type, e.value.data?.hours])).toEqual([
      ['cwp.training.compliance.shortfall.v1', 79],
      ['cwp.training.compliance.cleared.v1', 80],
    ]);
    expect(events[0]!.value.data).toMatchObject({ workerId, unitCode: AREA, year: YEAR, requiredHours: 80, rules: ['TRAIN-3'] });
    expect(events[0]!.raw).not.toContain('孙十一');

    // The per-unit report of the district counts the worker once, compliant now.
    const report = (await api(training, 'district', 'GET', `/compliance/report?year=${YEAR}&unitCode=${DISTRICT}`)).body;
    expect(report.units.find((u: { unitCode: string }) => u.unitCode === STREET)).toMatchObject({ workers: expect.any(Number) });
  }, 300_000);
});
