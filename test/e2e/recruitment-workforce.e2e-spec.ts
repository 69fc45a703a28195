/**
 * Issue 10 across two running services. The workforce service publishes each street's staffing
 * on the compacted `cwp.workforce.staffing` topic; the recruitment service reads it from the
 * beginning and lets district 310115 plan posts within the street's vacancies. A small round then
 * runs through every phase of its campaign workflow (operators close each phase): applications
 * (one refused as ineligible, REC-4), internship evaluations (REC-6), written scores by bulk file,
 * interviews, ranking, an upheld objection that moves the next-ranked applicant up (REC-7), and
 * appointment: `cwp.recruitment.applicant.appointed.v1` becomes hires in the workforce service,
 * whose report shows the headcount up and the vacancies down, and whose new staffing reaches
 * recruitment again. Both processes share one PII key (the same personRef), each its own schema.
 */
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { testing } from '@cwp/platform';
import {
  callApi,
  pollUntil as eventually,
  requireE2eStack,
  startServiceProcess,
  type ApiAnswer,
  type ServiceProcess,
} from '@cwp/test-support';
import { cleanUpE2eRun } from './support/run-cleanup';

const run = randomBytes(4).toString('hex');
const schemas = { workforce: `wf_rec_e2e_${run}`, recruitment: `rec_wf_e2e_${run}` };
const taskQueue = `rec-wf-e2e-${run}`;
const DISTRICT = '310115';
const STREET = '310115005';

let workforce: ServiceProcess;
let recruitment: ServiceProcess;
const tokens: Record<string, string> = {};

const api = (service: ServiceProcess, method: string, url: string, body?: unknown, as = 'district'): Promise<ApiAnswer> =>
  callApi(service.baseUrl, method, `/api/${service.name}${url}`, tokens[as], body);

const report = async () => (await api(workforce, 'GET', `/units/${STREET}/report`)).body.total as { headcount: number; vacancies: number };

async function closePhase(campaignId: string, phase: string, next: string): Promise<void> {
  expect((await api(recruitment, 'POST', `/campaigns/${campaignId}/close-phase`, { phase })).status).toBe(200);
  await eventually(
    `phase ${next}`,
    async () => (await api(recruitment, 'GET', `/campaigns/${campaignId}/state`)).body,
    (s) => s?.phase === next,
  );
}

beforeAll(async () => {
  const { databaseUrl } = requireE2eStack();
  const shared = { DATABASE_URL: databaseUrl, PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'), NODE_ENV: 'e2e' };
  [workforce, recruitment] = await Promise.all([
    startServiceProcess({
      name: 'workforce',
      entry: 'apps/workforce/src/main.ts',
      env: {
        ...shared,
        WORKFORCE_DB_SCHEMA: schemas.workforce,
        WORKFORCE_TASK_QUEUE: `wf-rec-e2e-${run}`,
        WORKFORCE_RUN_WORKER: 'false',
        WORKFORCE_QUOTA_REVIEW_SCHEDULE: 'false',
        WORKFORCE_RECRUITMENT_APPOINTED_CONSUMER: `wf-rec-e2e-appointed-${run}`,
        WORKFORCE_APPRAISAL_EXITS_CONSUMER: `wf-rec-e2e-exits-${run}`,
      },
      readyTimeoutMs: 300_000,
    }),
    startServiceProcess({
      name: 'recruitment',
      entry: 'apps/recruitment/src/main.ts',
      env: {
        ...shared,
        RECRUITMENT_DB_SCHEMA: schemas.recruitment,
        RECRUITMENT_TASK_QUEUE: taskQueue,
        RECRUITMENT_STAFFING_CONSUMER: `rec-e2e-staffing-${run}`,
        RECRUITMENT_RECONCILE_SECONDS: '0',
      },
      readyTimeoutMs: 300_000,
    }),
  ]);
  const mint = testing.mintStackToken;
  tokens.district = await mint({ role: 'district', unit: DISTRICT, sub: `e2e-district-${run}` });
  tokens.street = await mint({ role: 'street', unit: STREET, sub: `e2e-street-${run}` });
}, 330_000);

afterAll(async () => {
  await Promise.all([workforce?.stop(), recruitment?.stop()]);
  await cleanUpE2eRun({ taskQueues: [taskQueue], schemas: Object.values(schemas) });
}, 120_000);

it('REC-1..7: a small round ends with the right workers hired in the workforce service', async () => {
  const before = await report();
  expect(before.vacancies).toBeGreaterThanOrEqual(2);

  // Recruitment knows the street's vacancies only once the staffing topic reached it: until then a plan is refused.
  const opened = await eventually(
    'campaign opened within the published vacancies',
    () =>
      api(recruitment, 'POST', '/campaigns', {
        districtCode: DISTRICT,
        round: 1,
        registrationOpensOn: '2026-01-01',
        registrationClosesOn: '2099-12-30',
        internshipStartsOn: '2099-12-31',
        internshipEndsOn: '2100-01-31',
        writtenExamOn: '2100-02-10',
        interviewOn: '2100-02-20',
        posts: [{ streetCode: STREET, postCategory: 'staff', count: 2 }],
      }),
    (r) => r.status === 201 || (r.status !== 422 && r.status !== 409),
    180_000,
  );
  expect(opened.status).toBe(201);
  const campaignId = opened.body.id as string;
  const postId = opened.body.posts[0].postId as string;

  const applicant = (birthDate: string, over: Record<string, unknown> = {}) => ({
    postId,
    name: `应聘者${birthDate}`,
    nationalId: testing.newNationalId({ birthDate, region: DISTRICT }),
    education: 'bachelor',
    major: 'social-work',
    freshGraduate: true,
    ...over,
  });
  const ids: string[] = [];
  for (const birthDate of ['19980101', '19970202', '19960303']) {
    const res = await fetch(`${recruitment.baseUrl}/api/recruitment/public/campaigns/${campaignId}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(applicant(birthDate)),
    });
    expect(res.status).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  const ineligible = await api(recruitment, 'POST', `/campaigns/${campaignId}/applicants`, applicant('19950404', { freshGraduate: false }));
  expect(ineligible).toMatchObject({ status: 422, body: { code: 'NOT_ELIGIBLE', field: 'certificates', details: { rule: 'REC-4' } } });

  await closePhase(campaignId, 'registration', 'screening');
  await closePhase(campaignId, 'screening', 'internship');
  // The host street evaluates its interns (REC-6); the first applicant is the best throughout.
  for (const [i, id] of ids.entries())
    expect((await api(recruitment, 'POST', `/applicants/${id}/scores`, { kind: 'internship', score: 90 - i }, 'street')).status).toBe(200);
  await closePhase(campaignId, 'internship', 'written-exam');
  const csv = ['applicantId,score', ...ids.map((id, i) => `${id},${85 - i * 5}`)].join('\n');
  expect((await api(recruitment, 'POST', `/campaigns/${campaignId}/score-files`, { kind: 'written', csv })).body).toEqual({ stored: 3 });
  await closePhase(campaignId, 'written-exam', 'interview');
  for (const [i, id] of ids.entries()) await api(recruitment, 'POST', `/applicants/${id}/scores`, { kind: 'interview', score: 80 - i });
  await closePhase(campaignId, 'interview', 'assessment');

  const ranked = (await api(recruitment, 'GET', `/campaigns/${campaignId}/applicants`)).body.items as Array<any>;
  expect(ranked.map((a) => [a.id, a.rank, a.status])).toEqual([
    [ids[0], 1, 'selected'],
    [ids[1], 2, 'selected'],
    [ids[2], 3, 'ranked'],
  ]);
  expect(ranked[0].rankingExplanation.rules.map((r: { id: string }) => r.id)).toEqual(['REC-1', 'REC-6']);

  await closePhase(campaignId, 'assessment', 'publicity');
  // REC-7: an objection against the second is upheld; the third moves up.
  expect((await api(recruitment, 'POST', `/applicants/${ids[1]}/objection`)).status).toBe(200);
  expect((await api(recruitment, 'POST', `/applicants/${ids[1]}/objection/decision`, { upheld: true })).status).toBe(200);
  await closePhase(campaignId, 'publicity', 'appointed');

  const appointed = await eventually(
    'two appointed',
    async () => (await api(recruitment, 'GET', `/campaigns/${campaignId}/applicants?status=appointed`)).body,
    (page) => page.total === 2,
  );
  expect(appointed.items.map((a: { id: string }) => a.id).sort()).toEqual([ids[0], ids[2]].sort());
  expect((await api(recruitment, 'GET', `/applicants/${ids[1]}`)).body).toMatchObject({ status: 'out', outReason: 'objection-upheld' });

  // The workforce service hires them (through its inbox, reading the topic from the beginning: an
  // earlier run's appointments on this stack may be hired too, so ours are counted by campaign id).
  const ours = async () =>
    ((await api(workforce, 'GET', `/workers?unit=${STREET}&pageSize=100`, undefined, 'street')).body.items as Array<any>).filter(
      (w) => w.campaignId === campaignId,
    );
  const hired = await eventually('workforce hired our two', ours, (ws) => ws.length === 2).catch((error: unknown) => {
    // What the workforce process said about the appointments, to tell a slow consumer from a refusal.
    const lines = workforce
      .output()
      .split('\n')
      .filter((l) => /appoint|"level":"(error|warn)"/i.test(l));
    throw new Error(`${String(error)}\nworkforce log:\n${lines.slice(-10).join('\n')}`);
  });
  expect(hired.every((w) => w.entryRoute === 'recruited' && w.unitCode === STREET)).toBe(true);
  // Its report counts them: headcount up and vacancies down by the same number (ours at least).
  const after = await report();
  expect(after.headcount - before.headcount).toBeGreaterThanOrEqual(2);
  expect(before.vacancies - after.vacancies).toBe(after.headcount - before.headcount);

  // …and the street's new staffing reaches recruitment through the compacted topic.
  const pg = new PgClient({ connectionString: process.env.E2E_DATABASE_URL });
  await pg.connect();
  try {
    await eventually(
      'recruitment sees the new vacancies',
      async () => ({
        seen: (await pg.query(`SELECT vacancies FROM ${schemas.recruitment}.unit_staffing WHERE unit_code = $1`, [STREET])).rows[0]
          ?.vacancies,
        now: (await report()).vacancies,
      }),
      (v) => v.seen === v.now && v.now < before.vacancies,
      // A new consumer group reads the whole topic first (on a long-lived stack, every earlier run's streets).
      300_000,
    );
  } finally {
    await pg.end();
  }
}, 720_000);
