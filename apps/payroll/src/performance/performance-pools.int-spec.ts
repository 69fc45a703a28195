/**
 * The performance pool (PAY-5, PAY-6) on real Kafka and PostgreSQL: appraisal grades
 * (`cwp.appraisal.results`) and unit quotas (`cwp.workforce.quotas`) reach payroll through the inbox;
 * the pool is bound to the unit's quota whatever its headcount, shared by grade with libs/policy and
 * explained by rule; reads are scoped (404 and audited outside); missing inputs are a clear 409.
 */
import { randomUUID } from 'node:crypto';
import { KafkaJsPublisher, createKafka, ensureTopics, kafkaBrokersFrom, testing } from '@cwp/platform';
import {
  APPRAISAL_EVENT_TYPES,
  APPRAISAL_RESULTS_TOPIC,
  WORKFORCE_QUOTAS_TOPIC,
  WORKFORCE_QUOTA_EVENT_TYPES,
  type CloudEvent,
  type QuotaChangedData,
  type ResultChangedData,
  type ResultPublishedData,
} from '@cwp/contracts';
import { CITY, principalOf, startPayrollTestApp, type PayrollTestApp } from '../testing';
import { PerformanceInputsHandler } from './events/performance-inputs.handler';

jest.setTimeout(90_000);

// Units no other payroll spec uses: the workers topic of this stack carries their hires (the inbox reads it from the beginning).
const AREA = '310120001001';
const EMPTY_AREA = '310120001002';
let app: PayrollTestApp;
let publisher: KafkaJsPublisher;

function event<T>(type: string, subject: string, data: T): CloudEvent<T> {
  return { id: randomUUID(), source: '/cwp/test', type, specversion: '1.0', time: new Date().toISOString(), subject, data };
}
const published = (workerId: string, grade: ResultPublishedData['grade'], year = 2026, unitCode = AREA) =>
  event<ResultPublishedData>(APPRAISAL_EVENT_TYPES.resultPublished, workerId, {
    workerId,
    unitCode,
    year,
    grade,
    score: 80,
    calibrated: false,
    policyVersion: '2016-current',
  });
const quotaOf = (unitCode: string, quota: number, reviewYear = 2026) =>
  event<QuotaChangedData>(WORKFORCE_QUOTA_EVENT_TYPES.changed, unitCode, {
    unitCode,
    kind: 'area',
    districtCode: unitCode.slice(0, 6),
    previousQuota: 0,
    quota,
    reason: 'review-approved',
    reviewYear,
    effectiveFrom: `${reviewYear + 1}-01-01`,
    policyVersion: '2016-current',
    rules: ['QUOTA-5'],
  });

const pool = (unit: string, principal = CITY, query = '') =>
  app.call('GET', `/api/payroll/performance-pools/${unit}/2027${query}`, { principal });
const hire = (ids: string[], unit = AREA) =>
  app.ds.query(
    `INSERT INTO pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on)
     SELECT id, $2, 'on-duty', 'recruited', 'staff', 3, '2018-03-01' FROM unnest($1::text[]) AS id`,
    [ids, unit],
  );
const gradeOf = async (workerId: string) =>
  ((await app.ds.query('SELECT grade, source FROM appraisal_grades WHERE worker_id = $1 AND year = 2026', [workerId])) as unknown[])[0];

beforeAll(async () => {
  app = await startPayrollTestApp({ schemaPrefix: 'payroll_pool_it' });
  const kafka = createKafka({ clientId: testing.uniqueName('payroll-pool-pub'), brokers: kafkaBrokersFrom() });
  await ensureTopics(kafka, [APPRAISAL_RESULTS_TOPIC, WORKFORCE_QUOTAS_TOPIC]);
  publisher = new KafkaJsPublisher(kafka);
  // The inbox reads from the beginning: what is published before its group joins is still consumed.
  await app.inbox.start();
  await app.ds.query("INSERT INTO city_average_wages (year, annual_fen, published_by) VALUES (2026, 14400000, 'city-31')");
}, 120_000);

afterAll(async () => {
  await publisher?.disconnect();
  await app?.close();
});

describe('performance pool inputs through the inbox', () => {
  const [excellent, qualified, appealed, unqualified] = ['pp-a', 'pp-b', 'pp-c', 'pp-d'].map((p) => `${p}-${randomUUID().slice(0, 8)}`);

  it('APPR-2: published grades and an upheld appeal land once each; the QUOTA-5 quota of the unit too', async () => {
    const appeal = event<ResultChangedData>(APPRAISAL_EVENT_TYPES.resultChanged, appealed!, {
      workerId: appealed!,
      unitCode: AREA,
      year: 2026,
      previousGrade: 'basically-qualified',
      grade: 'qualified',
      reason: 'appeal-upheld',
    });
    const first = published(excellent!, 'excellent');
    await publisher.publish(
      APPRAISAL_RESULTS_TOPIC,
      [
        first,
        first,
        published(qualified!, 'qualified'),
        published(appealed!, 'basically-qualified'),
        appeal,
        published(unqualified!, 'unqualified'),
      ].map((e) => ({ key: e.subject!, value: JSON.stringify(e) })),
    );
    const quota = quotaOf(AREA, 6);
    await publisher.publish(WORKFORCE_QUOTAS_TOPIC, [{ key: AREA, value: JSON.stringify(quota) }]);

    await testing.eventually(
      async () => ((await gradeOf(appealed!)) as { source?: string })?.source === 'appeal-upheld' || undefined,
      60_000,
      'the appeal',
    );
    // Each worker's events are in order on its own partition; partitions are consumed independently.
    for (const id of [excellent!, qualified!, unqualified!])
      await testing.eventually(async () => (await gradeOf(id)) ?? undefined, 30_000, `the grade of ${id}`);
    await testing.eventually(
      async () => ((await app.ds.query('SELECT quota FROM unit_quotas WHERE unit_code = $1', [AREA])) as unknown[])[0],
      60_000,
      'the quota',
    );
    expect(await gradeOf(excellent!)).toEqual({ grade: 'excellent', source: 'published' });
    expect(await gradeOf(appealed!)).toEqual({ grade: 'qualified', source: 'appeal-upheld' });
    const [inbox] = (await app.ds.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [first.id])) as Array<{ n: number }>;
    expect(inbox!.n).toBe(1);
  });

  it('PAY-6: the pool is quota × per-place amount, shared by grade (excellent > qualified, unqualified none), explained by rule', async () => {
    const ungraded = `pp-new-${randomUUID().slice(0, 8)}`;
    await hire([excellent!, qualified!, appealed!, unqualified!, ungraded]);
    const res = await pool(AREA);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ unitCode: AREA, payYear: 2027, appraisalYear: 2026, quota: 6, headcount: 5, paidEvery: 'quarter' });
    expect(body.poolFen).toBe(6 * body.perPlaceAnnualFen);
    expect(body.distributedFen).toBe(body.poolFen);
    const share = (id: string) => body.shares.find((s: { workerId: string }) => s.workerId === id);
    expect(share(excellent!).annualFen).toBeGreaterThan(share(qualified!).annualFen);
    expect(share(appealed!).annualFen).toBe(share(qualified!).annualFen);
    expect(share(unqualified!).annualFen).toBe(0);
    expect(share(excellent!).instalmentsFen.reduce((a: number, b: number) => a + b, 0)).toBe(share(excellent!).annualFen);
    expect(body.ungraded).toEqual([ungraded]);
    expect(body.explanation.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['PAY-5', 'PAY-6']));
  });

  it('PAY-6: a new worker in the unit moves the per-head share, never the total', async () => {
    const before = (await pool(AREA)).body;
    const newcomer = `pp-e-${randomUUID().slice(0, 8)}`;
    await hire([newcomer]);
    await app.ds.transaction((em) => app.get(PerformanceInputsHandler).apply(em, published(newcomer, 'qualified')));
    const after = (await pool(AREA)).body;
    expect(after.headcount).toBe(before.headcount + 1);
    expect(after.poolFen).toBe(before.poolFen);
    const qualifiedShare = (b: { shares: Array<{ workerId: string; annualFen: number }> }) =>
      b.shares.find((s) => s.workerId === qualified)!.annualFen;
    expect(qualifiedShare(after)).toBeLessThan(qualifiedShare(before));
  });

  it('QUOTA-5: an older review never overwrites a newer quota', async () => {
    await app.ds.transaction((em) => app.get(PerformanceInputsHandler).apply(em, quotaOf(AREA, 99, 2020)));
    expect((await pool(AREA)).body.quota).toBe(6);
  });
});

describe('performance pool reads', () => {
  it('ORG-2: outside the caller’s subtree a pool answers 404 and the denial is audited; in scope it answers', async () => {
    expect((await pool(AREA, principalOf('street', '310120001'))).status).toBe(200);
    const other = principalOf('district', '310104');
    expect((await pool(AREA, other)).status).toBe(404);
    const [denied] = (await app.ds.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'denied' AND subject = $1 AND entity_id = $2",
      [other.sub, `${AREA}:2027`],
    )) as Array<{ n: number }>;
    expect(denied!.n).toBe(1);
  });

  it('bad input is a 400 naming the field; a unit whose quota has not arrived is a 409 naming it', async () => {
    const bad = await pool('31x');
    expect([bad.status, bad.body.field]).toEqual([400, 'unitCode']);
    const badYear = await pool(AREA, CITY, '?appraisalYear=1999');
    expect([badYear.status, badYear.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const noQuota = await pool(EMPTY_AREA);
    expect([noQuota.status, noQuota.body.field, noQuota.body.code]).toEqual([409, 'quota', 'POOL_INPUTS_MISSING']);
  });

  it('a pay year before the first policy version is a 400 naming payYear (decide with dateField), not a 404 or 500', async () => {
    const res = await app.call('GET', `/api/payroll/performance-pools/${AREA}/2001`, { principal: CITY });
    expect([res.status, res.body.code, res.body.field]).toEqual([400, 'VALIDATION_FAILED', 'payYear']);
  });

  it('payroll maps an unknown parameter version to 404, not 500 (platform decide with versionErrors)', async () => {
    const res = await app.call('POST', '/api/payroll/recalibrations/what-if', {
      principal: CITY,
      body: { payYear: 2027, policyVersion: 'no-such' },
    });
    expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});
