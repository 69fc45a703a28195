/**
 * PAY-3 and PAY-6 across three real services: a worker hired in the workforce service reaches the
 * payroll projection (and the appraisal service's records) through Kafka and the inboxes; the city
 * publishes the 2026 average wage, the 2027 recalibration previews, is approved and applied by
 * payroll's own Temporal worker; the `cwp.payroll.pay.recalibrated.v1` event on Kafka carries the
 * worker's new pay, which equals the explained figure of the worker's line, and the worker's
 * December slip is a month of it: base pay (PAY-2) plus the unit's PAY-6 pool share for the worker's
 * grade, adding up to the slip's total. Both pool inputs come from the services, none from this spec:
 * the grade from a real 2026 appraisal cycle of the street in the appraisal service (open, management
 * ratings, close, published on `cwp.appraisal.results`), the area's quota from a real 2026 QUOTA-5
 * review run by the workforce service's worker (the district's approval announces it on
 * `cwp.workforce.quotas`). Each service has its own schema and task queue, dropped and ended after.
 */
import { randomBytes } from 'node:crypto';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { createKafka, ensureTopics, kafkaBrokersFrom, testing } from '@cwp/platform';
import {
  PAYROLL_PAY_TOPIC,
  WORKFORCE_QUOTAS_TOPIC,
  WORKFORCE_QUOTA_EVENT_TYPES,
  payRecalibrationWorkflowId,
  quotaReviewWorkflowId,
} from '@cwp/contracts';
import {
  callApi,
  markTopic,
  pollUntil,
  readEvents,
  requireE2eStack,
  saveServiceLogs,
  startServiceProcess,
  type ApiAnswer,
  type ServiceProcess,
  type TopicMark,
} from '@cwp/test-support';
import { cleanUpE2eRun } from './support/run-cleanup';
import { runStreetCycle } from './support/appraisal-cycle';

const run = randomBytes(4).toString('hex');

/** The topic's end now, created first if no service has yet (as the services would create it). */
async function markAfterEnsuring(topic: string): Promise<TopicMark> {
  await ensureTopics(createKafka({ clientId: `payroll-e2e-${run}`, brokers: kafkaBrokersFrom() }), [topic]);
  return markTopic(topic);
}
const PAY_YEAR = 2027;
const STREET = '310104003';
const AREA = '310104003001';
const schemas = { workforce: `wf_pay_e2e_${run}`, payroll: `pay_e2e_${run}`, appraisal: `appr_pay_e2e_${run}` };
const taskQueues = { workforce: `wf-pay-e2e-${run}`, payroll: `pay-e2e-${run}`, appraisal: `appr-pay-e2e-${run}` };

let workforce: ServiceProcess;
let payroll: ServiceProcess;
let appraisal: ServiceProcess;
let temporal: Connection | undefined;
/** The city's token for workforce and payroll; the street's for its own appraisal cycle (APPR-1..3). */
let token = '';
let streetToken = '';

const api = (service: ServiceProcess, prefix: string, method: string, url: string, body?: unknown): Promise<ApiAnswer> =>
  callApi(service.baseUrl, method, `/api/${prefix}${url}`, token, body);
const street = (method: string, url: string, body?: unknown): Promise<ApiAnswer> =>
  callApi(appraisal.baseUrl, method, `/api/appraisal${url}`, streetToken, body);

const until = <T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 90_000): Promise<T> =>
  pollUntil(what, probe, done, timeoutMs);

beforeAll(async () => {
  const { databaseUrl } = requireE2eStack();
  // The recalibration and quota review ids are per year in the namespace: end those a failed earlier run left open.
  temporal = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  for (const workflowId of [payRecalibrationWorkflowId(PAY_YEAR), quotaReviewWorkflowId(PAY_YEAR - 1)]) {
    try {
      await new Client({ connection: temporal }).workflow.getHandle(workflowId).terminate('new e2e run');
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError) && !/not running|already completed/i.test((error as Error).message)) throw error;
    }
  }
  const shared = { DATABASE_URL: databaseUrl, PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'), NODE_ENV: 'e2e' };
  [workforce, payroll, appraisal] = await Promise.all([
    startServiceProcess({
      name: 'workforce',
      entry: 'apps/workforce/src/main.ts',
      env: {
        ...shared,
        WORKFORCE_DB_SCHEMA: schemas.workforce,
        WORKFORCE_TASK_QUEUE: taskQueues.workforce,
        // Its worker runs the QUOTA-5 review; the yearly Schedule (one id per namespace) stays off.
        WORKFORCE_RUN_WORKER: 'true',
        WORKFORCE_QUOTA_REVIEW_SCHEDULE: 'false',
      },
      readyTimeoutMs: 300_000,
    }),
    startServiceProcess({
      name: 'payroll',
      entry: 'apps/payroll/src/main.ts',
      env: {
        ...shared,
        PAYROLL_DB_SCHEMA: schemas.payroll,
        PAYROLL_TASK_QUEUE: taskQueues.payroll,
        PAYROLL_SCHEDULES: 'false',
        PAYROLL_WORKERS_CONSUMER: `payroll-e2e-${run}`,
        PAYROLL_PERFORMANCE_CONSUMER: `payroll-performance-e2e-${run}`,
      },
      readyTimeoutMs: 300_000,
    }),
    startServiceProcess({
      name: 'appraisal',
      entry: 'apps/appraisal/src/main.ts',
      env: {
        ...shared,
        APPRAISAL_DB_SCHEMA: schemas.appraisal,
        APPRAISAL_TASK_QUEUE: taskQueues.appraisal,
        APPRAISAL_WORKERS_CONSUMER: `appr-pay-e2e-workers-${run}`,
        APPRAISAL_RESIDENT_KEY: randomBytes(32).toString('hex'),
      },
      readyTimeoutMs: 300_000,
    }),
  ]);
  token = await testing.mintStackToken({ role: 'city', unit: '31', sub: 'e2e-city' });
  streetToken = await testing.mintStackToken({ role: 'street', unit: STREET, sub: `e2e-street-${run}` });
}, 330_000);

afterAll(async () => {
  try {
    await new Client({ connection: temporal! }).workflow.getHandle(payRecalibrationWorkflowId(PAY_YEAR)).terminate('e2e done');
  } catch {
    // completed already: nothing to end
  }
  await temporal?.close();
  await Promise.all([workforce?.stop(), payroll?.stop(), appraisal?.stop()]);
  saveServiceLogs({
    [`e2e-pay-workforce-${run}.log`]: workforce,
    [`e2e-pay-payroll-${run}.log`]: payroll,
    [`e2e-pay-appraisal-${run}.log`]: appraisal,
  });
  await cleanUpE2eRun({ taskQueues: Object.values(taskQueues), schemas: Object.values(schemas) });
}, 60_000);

/**
 * One real appraisal year of the worker's street (APPR-1..3): open the cycle, management rates the
 * worker high, close; the appraisal service publishes the result on `cwp.appraisal.results`.
 * Returns the grade it published (with one worker the distribution rules may lower 'excellent').
 */
async function appraisalYear(year: number, workerId: string): Promise<string> {
  await runStreetCycle(street, {
    street: STREET,
    year,
    workerIds: [workerId],
    scores: { morality: 95, ability: 95, diligence: 95, performance: 95, integrity: 95 },
  });
  const result = await street('GET', `/results/${workerId}/${year}`);
  expect(result.body).toMatchObject({ workerId, unitCode: AREA, year, status: 'published' });
  // Scores of 95 earn excellent, or qualified where the street's excellent share is full (APPR-2).
  expect(['excellent', 'qualified']).toContain(result.body.grade);
  return result.body.grade as string;
}

/**
 * The 2026 QUOTA-5 review in the workforce service, run by its worker: the area's households grow
 * (an operator's PATCH), the review proposes a higher quota for the area, the district approves and the
 * service announces the new quota (`QuotaChanged`, review-approved) on `cwp.workforce.quotas`.
 * Returns the approved quota.
 */
async function quotaReview(year: number): Promise<number> {
  const unit = await api(workforce, 'workforce', 'GET', `/units/${AREA}`);
  expect(unit.status).toBe(200);
  const grown = await api(workforce, 'workforce', 'PATCH', `/units/${AREA}`, {
    households: 6000,
    population: 15_000,
    version: unit.body.version,
  });
  expect(grown).toMatchObject({ status: 200, body: { households: 6000 } });
  expect((await api(workforce, 'workforce', 'POST', '/quota-reviews', { year, decisionDays: 1 })).status).toBe(202);
  await until(
    () => api(workforce, 'workforce', 'GET', `/quota-reviews/${year}`),
    (r) => r.body?.status === 'awaiting-decisions',
    `the ${year} quota review's proposals`,
  );
  const proposals = await api(workforce, 'workforce', 'GET', `/quota-reviews/${year}/proposals?unit=${AREA}`);
  const proposal = (proposals.body as Array<{ unitCode: string; kind: string; currentQuota: number; proposedQuota: number }>).find(
    (p) => p.unitCode === AREA && p.kind === 'area',
  );
  expect(proposal).toBeDefined();
  expect(proposal!.proposedQuota).toBeGreaterThan(proposal!.currentQuota); // QUOTA-1/2/5: more households, more places
  const district = AREA.slice(0, 6);
  const quotas = await markAfterEnsuring(WORKFORCE_QUOTAS_TOPIC);
  const decided = await api(workforce, 'workforce', 'POST', `/quota-reviews/${year}/districts/${district}/decision`, {
    decision: 'approve',
  });
  expect(decided).toMatchObject({ status: 200, body: { status: 'approved' } });
  const [changed] = await readEvents({
    topic: quotas.topic,
    from: quotas,
    filter: (e) => e.key === AREA && e.value.data?.reviewYear === year,
    timeoutMs: 60_000,
  });
  expect(changed!.value).toMatchObject({
    type: WORKFORCE_QUOTA_EVENT_TYPES.changed,
    data: {
      unitCode: AREA,
      kind: 'area',
      districtCode: district,
      quota: proposal!.proposedQuota,
      reason: 'review-approved',
      reviewYear: year,
    },
  });
  return proposal!.proposedQuota;
}

describe('hire → appraise → quota review → wage → approve → apply → pay (PAY-3, PAY-6)', () => {
  it('PAY-3/PAY-6: the event carries the explained new pay; the slip adds base pay and the pool share of the published grade', async () => {
    // The pay topic is shared (benches put millions of events on it): read only what comes after this.
    const payTopic = await markAfterEnsuring(PAYROLL_PAY_TOPIC);
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

    // The hired event also starts the worker's performance record in the appraisal service.
    await until(
      () => street('GET', `/records/${workerId}`),
      (r) => r.status === 200,
      'the hire in the appraisal records',
    );

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
      topic: payTopic.topic,
      from: payTopic,
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

    // PAY-6 inputs: the worker's 2026 grade from a real appraisal cycle of the street, and the area's quota.
    const grade = await appraisalYear(PAY_YEAR - 1, workerId);
    const quota = await quotaReview(PAY_YEAR - 1);
    await until(
      () => api(payroll, 'payroll', 'GET', `/performance-pools/${AREA}/${PAY_YEAR}`),
      (r) =>
        r.status === 200 &&
        r.body.quota === quota &&
        r.body.shares?.some((s: { workerId: string; grade: string }) => s.workerId === workerId && s.grade === grade),
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
      performance: { poolUnitCode: AREA, grade, appraisalYear: PAY_YEAR - 1, instalment: 4, instalments: 4 },
      totalFen: slip.body.baseFen + slip.body.performanceFen + slip.body.arrearsFen,
    });
    expect(slip.body.performance.grade).not.toBeNull();
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
      topic: payTopic.topic,
      from: payTopic,
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
