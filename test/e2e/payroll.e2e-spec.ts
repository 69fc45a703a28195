/**
 * PAY-3 and PAY-6 across three real services: a worker hired in the workforce service reaches the
 * payroll projection and the appraisal service through Kafka and their inboxes; the street runs a
 * real 2026 appraisal cycle in the appraisal service (open, management ratings, close, published)
 * and the published grade reaches payroll on `cwp.appraisal.results`; the city publishes the 2026
 * average wage, the 2027 recalibration previews, is approved and applied by payroll's own Temporal
 * worker; the `cwp.payroll.pay.recalibrated.v1` event on Kafka carries the worker's new pay, which
 * equals the explained figure of the worker's line, and the worker's December slip is a month of
 * it: base pay (PAY-2) plus the unit's PAY-6 pool share for the grade the appraisal service
 * published, adding up to the slip's total. The area's quota (`cwp.workforce.quotas`, what the
 * workforce service publishes when the city approves a QUOTA-5 review) is published by this spec:
 * a real review recomputes every district of the city on the workforce service's Temporal worker,
 * a test of its own (workforce tiers). Each service has its own schema.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { KafkaJsPublisher, createKafka, ensureTopics, kafkaBrokersFrom, testing } from '@cwp/platform';
import {
  PAYROLL_PAY_TOPIC,
  WORKFORCE_QUOTAS_TOPIC,
  WORKFORCE_QUOTA_EVENT_TYPES,
  payRecalibrationWorkflowId,
  type CloudEvent,
  type QuotaChangedData,
} from '@cwp/contracts';
import {
  callApi,
  pollUntil,
  readEvents,
  requireE2eStack,
  saveServiceLogs,
  startServiceProcess,
  type ApiAnswer,
  type ServiceProcess,
} from '@cwp/test-support';
import { runStreetCycle } from './support/appraisal-cycle';
import { cleanUpE2eRun } from './support/run-cleanup';

const run = randomBytes(4).toString('hex');
const PAY_YEAR = 2027;
const STREET = '310104003';
const AREA = '310104003001';
const appraisalSchema = `appr_pay_e2e_${run}`;
const appraisalQueue = `appr-pay-e2e-${run}`;

let workforce: ServiceProcess;
let payroll: ServiceProcess;
let appraisal: ServiceProcess;
let temporal: Connection | undefined;
let token = '';
let streetToken = '';

const api = (service: ServiceProcess, prefix: string, method: string, url: string, body?: unknown): Promise<ApiAnswer> =>
  callApi(service.baseUrl, method, `/api/${prefix}${url}`, token, body);
/** The street operator's calls to the appraisal service (it opens and rates its street's cycle). */
const street = (method: string, url: string, body?: unknown): Promise<ApiAnswer> =>
  callApi(appraisal.baseUrl, method, `/api/appraisal${url}`, streetToken, body);

const until = <T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 90_000): Promise<T> =>
  pollUntil(what, probe, done, timeoutMs);

beforeAll(async () => {
  const { databaseUrl } = requireE2eStack();
  // The recalibration id is per year in the namespace: end one a failed earlier run left open.
  temporal = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    await new Client({ connection: temporal }).workflow.getHandle(payRecalibrationWorkflowId(PAY_YEAR)).terminate('new e2e run');
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError) && !/not running|already completed/i.test((error as Error).message)) throw error;
  }
  const shared = { DATABASE_URL: databaseUrl, PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'), NODE_ENV: 'e2e' };
  [workforce, payroll, appraisal] = await Promise.all([
    startServiceProcess({
      name: 'workforce',
      entry: 'apps/workforce/src/main.ts',
      env: {
        ...shared,
        WORKFORCE_DB_SCHEMA: `wf_pay_e2e_${run}`,
        WORKFORCE_TASK_QUEUE: `wf-pay-e2e-${run}`,
        WORKFORCE_RUN_WORKER: 'false',
        WORKFORCE_QUOTA_REVIEW_SCHEDULE: 'false',
      },
      readyTimeoutMs: 150_000,
    }),
    startServiceProcess({
      name: 'payroll',
      entry: 'apps/payroll/src/main.ts',
      env: {
        ...shared,
        PAYROLL_DB_SCHEMA: `pay_e2e_${run}`,
        PAYROLL_TASK_QUEUE: `pay-e2e-${run}`,
        PAYROLL_SCHEDULES: 'false',
        PAYROLL_WORKERS_CONSUMER: `payroll-e2e-${run}`,
        PAYROLL_PERFORMANCE_CONSUMER: `payroll-performance-e2e-${run}`,
      },
      readyTimeoutMs: 150_000,
    }),
    startServiceProcess({
      name: 'appraisal',
      entry: 'apps/appraisal/src/main.ts',
      env: {
        ...shared,
        APPRAISAL_DB_SCHEMA: appraisalSchema,
        APPRAISAL_TASK_QUEUE: appraisalQueue,
        APPRAISAL_WORKERS_CONSUMER: `appr-pay-e2e-workers-${run}`,
        APPRAISAL_RESIDENT_KEY: randomBytes(32).toString('hex'),
      },
      readyTimeoutMs: 150_000,
    }),
  ]);
  token = await testing.mintStackToken({ role: 'city', unit: '31', sub: 'e2e-city' });
  streetToken = await testing.mintStackToken({ role: 'street', unit: STREET, sub: `e2e-street-${run}` });
}, 200_000);

afterAll(async () => {
  try {
    await new Client({ connection: temporal! }).workflow.getHandle(payRecalibrationWorkflowId(PAY_YEAR)).terminate('e2e done');
  } catch {
    // completed already: nothing to end
  }
  await temporal?.close();
  await Promise.all([workforce?.stop(), payroll?.stop(), appraisal?.stop()]);
  saveServiceLogs({ [`e2e-payroll-appraisal-${run}.log`]: appraisal });
  await cleanUpE2eRun({ taskQueues: [appraisalQueue], schemas: [appraisalSchema] });
}, 60_000);

function event<T>(type: string, subject: string, data: T): CloudEvent<T> {
  return { id: randomUUID(), source: '/cwp/e2e', type, specversion: '1.0', time: new Date().toISOString(), subject, data };
}

/** The area's quota as the workforce service publishes it when the city approves a QUOTA-5 review. */
async function publishAreaQuota(): Promise<void> {
  const kafka = createKafka({ clientId: `payroll-e2e-pub-${run}`, brokers: kafkaBrokersFrom() });
  await ensureTopics(kafka, [WORKFORCE_QUOTAS_TOPIC]);
  const publisher = new KafkaJsPublisher(kafka);
  try {
    const quota = event<QuotaChangedData>(WORKFORCE_QUOTA_EVENT_TYPES.changed, AREA, {
      unitCode: AREA,
      kind: 'area',
      districtCode: AREA.slice(0, 6),
      previousQuota: 0,
      quota: 4,
      reason: 'review-approved',
      reviewYear: PAY_YEAR - 1,
      effectiveFrom: `${PAY_YEAR}-01-01`,
      policyVersion: '2016-current',
      rules: ['QUOTA-5'],
    });
    await publisher.publish(WORKFORCE_QUOTAS_TOPIC, [{ key: AREA, value: JSON.stringify(quota) }]);
  } finally {
    await publisher.disconnect();
  }
}

/**
 * APPR-1..3: the street's 2026 cycle in the appraisal service — opened, rated by management,
 * closed and published by its workflow. Returns the grade it published for the worker.
 */
async function appraise(workerId: string): Promise<string> {
  const year = PAY_YEAR - 1;
  await until(
    () => street('GET', `/records/${workerId}`),
    (r) => r.status === 200,
    'the hire in the appraisal records',
  );
  await runStreetCycle(street, {
    street: STREET,
    year,
    workerIds: [workerId],
    scores: { morality: 95, ability: 92, diligence: 94, performance: 93, integrity: 96 },
  });
  const result = await street('GET', `/results/${workerId}/${year}`);
  expect(result.body).toMatchObject({ status: 'published', year });
  expect(result.body.explanation.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['APPR-1', 'APPR-2', 'APPR-3']));
  // Scores in the nineties earn excellent, or qualified where the street's excellent share is full (APPR-2).
  expect(['excellent', 'qualified']).toContain(result.body.grade);
  return result.body.grade as string;
}

describe('hire → appraise → wage → approve → apply → pay: the recalibrated pay on Kafka and the slip (PAY-3, PAY-6)', () => {
  it('PAY-3/PAY-6: the event carries the explained new pay; the slip adds base pay and the pool share of the published grade', async () => {
    const hired = await api(workforce, 'workforce', 'POST', '/workers', {
      unitCode: AREA,
      name: '钱十',
      birthDate: '1991-04-02',
      education: 'bachelor',
      major: 'social-work',
      entryRoute: 'recruited',
      role: 'staff',
      postLevel: 4,
      hiredOn: '2016-09-01',
    });
    expect(hired.status).toBe(201);
    const workerId = hired.body.id as string;

    const projected = await until(
      () => api(payroll, 'payroll', 'GET', `/workers/${workerId}`),
      (r) => r.status === 200,
      'the hire in the payroll projection',
    );
    expect(projected.body).toMatchObject({
      workerId,
      unitCode: AREA,
      postCategory: 'staff',
      postLevel: 4,
      hiredOn: '2016-09-01',
      status: 'on-duty',
    });

    const wage = await api(payroll, 'payroll', 'POST', '/wages', { year: PAY_YEAR - 1, annualFen: 14_400_000 });
    expect([201, 409]).toContain(wage.status); // 409: this e2e schema is fresh, but keep reruns honest
    expect((await api(payroll, 'payroll', 'POST', `/recalibrations/${PAY_YEAR}/start`)).status).toBe(200);
    const previewed = await until(
      () => api(payroll, 'payroll', 'GET', `/recalibrations/${PAY_YEAR}`),
      (r) => r.body?.phase === 'awaiting-approval',
      'the preview',
    );
    const preview = previewed.body.preview;
    expect(preview).toMatchObject({ policyVersion: '2027-proposal', referenceWageYear: PAY_YEAR - 1, multiplier: 1.2 });
    expect(preview.workers).toBeGreaterThanOrEqual(1);

    const line = await api(payroll, 'payroll', 'GET', `/recalibrations/${PAY_YEAR}/workers/${workerId}`);
    expect(line.status).toBe(200);
    expect(line.body.explanation.rules.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['POST-1', 'PAY-2', 'PAY-3', 'PAY-5']),
    );

    const approved = await api(payroll, 'payroll', 'POST', `/recalibrations/${PAY_YEAR}/approve`, { previewId: preview.previewId });
    expect(approved.status).toBe(200);
    const done = await until(
      () => api(payroll, 'payroll', 'GET', `/recalibrations/${PAY_YEAR}`),
      (r) => r.body?.status === 'applied',
      'the apply',
    );
    expect(done.body.progress).toMatchObject({ done: preview.workers, total: preview.workers });

    const [event] = await readEvents({
      topic: PAYROLL_PAY_TOPIC,
      filter: (e) => e.key === workerId && e.value.data?.payYear === PAY_YEAR,
      count: 1,
      timeoutMs: 60_000,
    });
    expect(event).toBeDefined();
    expect(event!.value.type).toBe('cwp.payroll.pay.recalibrated.v1');
    expect(event!.value.data).toMatchObject({
      workerId,
      unitCode: AREA,
      annualFen: line.body.newAnnualFen,
      previousAnnualFen: line.body.previousAnnualFen,
      policyVersion: '2027-proposal',
    });
    expect(event!.raw).not.toMatch(/钱十|1991-04-02/);
    const after = await api(payroll, 'payroll', 'GET', `/workers/${workerId}`);
    expect(after.body).toMatchObject({ annualPayFen: line.body.newAnnualFen, payYear: PAY_YEAR });

    // PAY-6 inputs: the worker's 2026 grade from the appraisal service's published cycle, the area's quota.
    const grade = await appraise(workerId);
    await publishAreaQuota();
    const pool = await until(
      () => api(payroll, 'payroll', 'GET', `/performance-pools/${AREA}/${PAY_YEAR}`),
      (r) => r.status === 200 && r.body.shares?.some((s: { workerId: string }) => s.workerId === workerId),
      'the published grade and the quota in the payroll performance inputs',
    );
    expect(pool.body.shares.find((s: { workerId: string }) => s.workerId === workerId)).toMatchObject({ grade });

    // The December slip: base pay, a month of the recalibrated figure (PAY-2, PAY-3), plus the
    // worker's share of the area pool's fourth quarter (PAY-5, PAY-6); together the slip's total.
    expect((await api(payroll, 'payroll', 'POST', '/pay-runs', { period: `${PAY_YEAR}-12` })).status).toBe(201);
    const slip = await api(payroll, 'payroll', 'GET', `/pay-runs/${PAY_YEAR}-12/slips/${workerId}`);
    const baseYear = Math.round(line.body.newAnnualFen * (1 - 0.3)); // 2027-proposal: 30% performance share
    expect(slip.body).toMatchObject({
      annualFen: line.body.newAnnualFen,
      baseFen: Math.floor(baseYear / 12) + (12 <= baseYear % 12 ? 1 : 0),
      performance: { poolUnitCode: AREA, grade, appraisalYear: PAY_YEAR - 1, instalment: 4, instalments: 4 },
      totalFen: slip.body.baseFen + slip.body.performanceFen + slip.body.arrearsFen,
    });
    expect(slip.body.performanceFen).toBeGreaterThan(0);
    expect(slip.body.performance.shareFen).toBe(slip.body.performanceFen);
    const [paidPool] = (await api(payroll, 'payroll', 'GET', `/pay-runs/${PAY_YEAR}-12/pools`)).body.filter(
      (p: { unitCode: string }) => p.unitCode === AREA,
    );
    expect(paidPool).toMatchObject({
      status: 'paid',
      instalmentFen: slip.body.performance.instalmentFen,
      distributedFen: paidPool.instalmentFen,
    });
    expect(slip.body.explanation.rules.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['PAY-2', 'PAY-3', 'PAY-5', 'PAY-6']),
    );
    const [paid] = await readEvents({
      topic: PAYROLL_PAY_TOPIC,
      filter: (e) => e.key === workerId && e.value.type === 'cwp.payroll.pay.slip-paid.v1',
      count: 1,
      timeoutMs: 60_000,
    });
    expect(paid!.value.data).toMatchObject({
      baseFen: slip.body.baseFen,
      performanceFen: slip.body.performanceFen,
      totalFen: slip.body.totalFen,
      rules: ['PAY-2', 'PAY-3', 'PAY-5', 'PAY-6'],
    });
    expect(paid!.raw).not.toMatch(/钱十|1991-04-02/);
  });
});
