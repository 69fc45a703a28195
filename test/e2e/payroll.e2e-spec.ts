/**
 * PAY-3 across two real services: a worker hired in the workforce service reaches the payroll
 * projection through Kafka and the inbox; the city publishes the 2026 average wage, the 2027
 * recalibration previews, is approved and applied by payroll's own Temporal worker; the
 * `cwp.payroll.pay.recalibrated.v1` event on Kafka carries the worker's new pay, which equals the
 * explained figure of the worker's line, and the worker's December slip is a month of it: base pay
 * (PAY-2) plus the unit's PAY-6 pool share for the worker's grade, adding up to the slip's total.
 * The grade and the unit's quota reach payroll as the appraisal and workforce services publish them
 * (`cwp.appraisal.results`, `cwp.workforce.quotas`): this spec publishes those two events on Kafka
 * itself rather than driving an appraisal cycle and a quota review. Each service has its own schema.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { KafkaJsPublisher, createKafka, ensureTopics, kafkaBrokersFrom, testing } from '@cwp/platform';
import {
  APPRAISAL_EVENT_TYPES,
  APPRAISAL_RESULTS_TOPIC,
  PAYROLL_PAY_TOPIC,
  WORKFORCE_QUOTAS_TOPIC,
  WORKFORCE_QUOTA_EVENT_TYPES,
  payRecalibrationWorkflowId,
  type CloudEvent,
  type QuotaChangedData,
  type ResultPublishedData,
} from '@cwp/contracts';
import {
  callApi,
  pollUntil,
  readEvents,
  requireE2eStack,
  startServiceProcess,
  type ApiAnswer,
  type ServiceProcess,
} from '@cwp/test-support';

const run = randomBytes(4).toString('hex');
const PAY_YEAR = 2027;
const AREA = '310104003001';

let workforce: ServiceProcess;
let payroll: ServiceProcess;
let temporal: Connection | undefined;
let token = '';

const api = (service: ServiceProcess, prefix: string, method: string, url: string, body?: unknown): Promise<ApiAnswer> =>
  callApi(service.baseUrl, method, `/api/${prefix}${url}`, token, body);

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
  [workforce, payroll] = await Promise.all([
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
  ]);
  token = await testing.mintStackToken({ role: 'city', unit: '31', sub: 'e2e-city' });
}, 200_000);

afterAll(async () => {
  try {
    await new Client({ connection: temporal! }).workflow.getHandle(payRecalibrationWorkflowId(PAY_YEAR)).terminate('e2e done');
  } catch {
    // completed already: nothing to end
  }
  await temporal?.close();
  await Promise.all([workforce?.stop(), payroll?.stop()]);
});

function event<T>(type: string, subject: string, data: T): CloudEvent<T> {
  return { id: randomUUID(), source: '/cwp/e2e', type, specversion: '1.0', time: new Date().toISOString(), subject, data };
}

async function publishPoolInputs(workerId: string): Promise<void> {
  const kafka = createKafka({ clientId: `payroll-e2e-pub-${run}`, brokers: kafkaBrokersFrom() });
  await ensureTopics(kafka, [APPRAISAL_RESULTS_TOPIC, WORKFORCE_QUOTAS_TOPIC]);
  const publisher = new KafkaJsPublisher(kafka);
  try {
    const grade = event<ResultPublishedData>(APPRAISAL_EVENT_TYPES.resultPublished, workerId, {
      workerId,
      unitCode: AREA,
      year: PAY_YEAR - 1,
      grade: 'excellent',
      score: 92,
      calibrated: false,
      policyVersion: '2016-current',
    });
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
    await publisher.publish(APPRAISAL_RESULTS_TOPIC, [{ key: workerId, value: JSON.stringify(grade) }]);
    await publisher.publish(WORKFORCE_QUOTAS_TOPIC, [{ key: AREA, value: JSON.stringify(quota) }]);
  } finally {
    await publisher.disconnect();
  }
}

describe('hire → wage → approve → apply: the recalibrated pay on Kafka (PAY-3)', () => {
  it('PAY-3: the event carries the new pay, equal to the explained line of the worker', async () => {
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

    // PAY-6 inputs: the worker's 2026 grade and the area's quota, as appraisal and workforce publish them.
    await publishPoolInputs(workerId);
    await until(
      () => api(payroll, 'payroll', 'GET', `/performance-pools/${AREA}/${PAY_YEAR}`),
      (r) => r.status === 200 && r.body.shares?.some((s: { workerId: string }) => s.workerId === workerId),
      'the grade and quota in the payroll performance inputs',
    );

    // The December slip: base pay, a month of the recalibrated figure (PAY-2, PAY-3), plus the
    // worker's share of the area pool's fourth quarter (PAY-5, PAY-6); together the slip's total.
    expect((await api(payroll, 'payroll', 'POST', '/pay-runs', { period: `${PAY_YEAR}-12` })).status).toBe(201);
    const slip = await api(payroll, 'payroll', 'GET', `/pay-runs/${PAY_YEAR}-12/slips/${workerId}`);
    const baseYear = Math.round(line.body.newAnnualFen * (1 - 0.3)); // 2027-proposal: 30% performance share
    expect(slip.body).toMatchObject({
      annualFen: line.body.newAnnualFen,
      baseFen: Math.floor(baseYear / 12) + (12 <= baseYear % 12 ? 1 : 0),
      performance: { poolUnitCode: AREA, grade: 'excellent', appraisalYear: PAY_YEAR - 1, instalment: 4, instalments: 4 },
      totalFen: slip.body.baseFen + slip.body.performanceFen + slip.body.arrearsFen,
    });
    expect(slip.body.performanceFen).toBeGreaterThan(0);
    expect(slip.body.performance.shareFen).toBe(slip.body.performanceFen);
    const [pool] = (await api(payroll, 'payroll', 'GET', `/pay-runs/${PAY_YEAR}-12/pools`)).body.filter(
      (p: { unitCode: string }) => p.unitCode === AREA,
    );
    expect(pool).toMatchObject({ status: 'paid', instalmentFen: slip.body.performance.instalmentFen, distributedFen: pool.instalmentFen });
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
