/**
 * Issue 10 end to end with the three services running (talent pool, recruitment, workforce): a
 * district (310115) runs a round for posts in 3 of its streets and 40 people come in three ways:
 * invited from the talent pool (their data reaches recruitment by the pool's candidate event),
 * entered by an operator, or applying publicly. Ineligible ones are refused naming the rule and the
 * field (REC-4, REC-5). Phases last RECRUITMENT_PHASE_SECONDS (shortened by configuration): the
 * screening and publicity phases end on their timers, the others when the district has done its
 * work. An intern drops out (REC-6), one applicant misses the written exam, one selected applicant
 * is objected to during publicity and the objection is rejected (REC-7). The appointed become
 * hires in the workforce service (headcount up, vacancies down in its street reports) and the
 * invited ones' reserve entries are joined in the talent pool (POOL-3).
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
import { cleanUpE2eRun } from './support/run-cleanup';

const run = randomBytes(4).toString('hex');
const schemas = { workforce: `wf_round_e2e_${run}`, recruitment: `rec_round_e2e_${run}`, talentPool: `tp_round_e2e_${run}` };
const queues = { recruitment: `rec-round-e2e-${run}`, talentPool: `tp-round-e2e-${run}` };
/** Every timed phase lasts this long: long enough for the district's work in it, short enough to wait for. */
const PHASE_SECONDS = 75;
const DISTRICT = '310115';
const STREETS = { A: '310115004', B: '310115007', C: '310115008' } as const;
type StreetKey = keyof typeof STREETS;

/** The post plan: two staff posts in A and B, one staff and one fire-safety specialist post (REC-5) in C. */
const PLAN = [
  { key: 'A', street: 'A', count: 2 },
  { key: 'B', street: 'B', count: 2 },
  { key: 'C', street: 'C', count: 1 },
  { key: 'F', street: 'C', count: 1, requiredQualification: 'fire-safety' },
] as const;
type PostKey = (typeof PLAN)[number]['key'];

let workforce: ServiceProcess;
let recruitment: ServiceProcess;
let talentPool: ServiceProcess;
const tokens: Record<string, string> = {};

const api = (service: ServiceProcess, method: string, url: string, body?: unknown, as = 'district'): Promise<ApiAnswer> =>
  callApi(service.baseUrl, method, `/api/${service.name}${url}`, tokens[as], body);
const state = async (campaignId: string) => (await api(recruitment, 'GET', `/campaigns/${campaignId}/state`)).body;
const report = async (street: StreetKey) =>
  (await api(workforce, 'GET', `/units/${STREETS[street]}/report`)).body.total as { headcount: number; vacancies: number };

/** Waits for the phase (the timer's or an operator's close), with room for one whole phase and a loaded machine. */
const phaseReached = (campaignId: string, phase: string) =>
  eventually(
    `phase ${phase}`,
    () => state(campaignId),
    (s) => s?.phase === phase,
    PHASE_SECONDS * 1000 + 120_000,
  );

async function closePhase(campaignId: string, phase: string, next: string): Promise<void> {
  expect((await api(recruitment, 'POST', `/campaigns/${campaignId}/close-phase`, { phase })).status).toBe(200);
  await phaseReached(campaignId, next);
}

/**
 * One person coming in. `rank` orders the people of a post: every score of rank r is above those of
 * rank r + 1, so the REC-6 ranking is known in advance. Refused people have no rank.
 */
interface Person {
  label: string;
  post: PostKey;
  way: 'public' | 'operator' | 'talent-pool';
  rank?: number;
  nationalId: string;
  body: Record<string, unknown>;
  /** The pool entry of an invited person. */
  entryId?: string;
  applicantId?: string;
}

let sequence = 0;
function person(post: PostKey, way: Person['way'], rank: number | undefined, over: Record<string, unknown> = {}): Person {
  sequence += 1;
  const birthDate = (over.birthDate as string | undefined) ?? `199${sequence % 10}0${1 + (sequence % 9)}1${sequence % 10}`;
  const nationalId = testing.newNationalId({ birthDate, region: DISTRICT });
  const { birthDate: _ignored, ...rest } = over;
  return {
    label: `${post}${rank ?? 'x'}-${way}-${sequence}`,
    post,
    way,
    rank,
    nationalId,
    body: {
      name: `应聘者${sequence}`,
      nationalId,
      education: 'bachelor',
      major: 'social-work',
      freshGraduate: true,
      ...(post === 'F' ? { certificates: ['fire-safety'] } : {}),
      ...rest,
    },
  };
}

/**
 * The 40: per post, ranks 1..n of eligible people (five invited from the pool, the rest public or
 * operator entries), and four refused: no junior-college education (REC-4 `education`), from
 * society without the junior certificate (REC-4 `certificates`), the fire-safety post without the
 * qualification (REC-5 `certificates`), and an invited homemaker without a certificate (REC-4).
 */
function cast(): Person[] {
  const people: Person[] = [];
  const sizes: Record<PostKey, number> = { A: 10, B: 10, C: 10, F: 6 };
  const invited: Record<string, true> = { A2: true, A8: true, B2: true, C1: true, F1: true };
  for (const post of ['A', 'B', 'C', 'F'] as const) {
    for (let rank = 1; rank <= sizes[post]; rank += 1) {
      const way = invited[`${post}${rank}`] ? 'talent-pool' : rank % 3 === 0 ? 'public' : 'operator';
      // REC-4 45+: aged 46 with 12 years of community work, from society without a certificate: relaxed, eligible.
      const over = post === 'B' && rank === 9 ? { birthDate: '19790315', freshGraduate: false, communityYears: 12 } : {};
      people.push(person(post, way, rank, over));
    }
  }
  people.push(person('A', 'operator', undefined, { education: 'below-junior-college' }));
  people.push(person('B', 'public', undefined, { freshGraduate: false }));
  people.push(person('F', 'operator', undefined, { certificates: [] }));
  people.push(person('C', 'talent-pool', undefined));
  return people;
}

/** A pool entry for an invited person: students come as fresh graduates, the homemaker without a certificate. */
async function poolEntry(p: Person): Promise<string> {
  const eligible = p.rank !== undefined;
  const res = await api(talentPool, 'POST', '/entries', {
    name: p.body.name,
    nationalId: p.nationalId,
    phone: `139${String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0')}`,
    source: !eligible ? 'homemaker' : p.post === 'F' ? 'social-worker' : 'student',
    education: 'bachelor',
    ...(eligible && p.post !== 'F' ? { major: 'social-work' } : {}),
    certificates: !eligible ? [] : p.post === 'F' ? ['assistant-social-worker', 'fire-safety'] : [],
    holdingUnit: STREETS[PLAN.find((x) => x.key === p.post)!.street],
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  const { databaseUrl } = requireE2eStack();
  const shared = { DATABASE_URL: databaseUrl, PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'), NODE_ENV: 'e2e' };
  [workforce, recruitment, talentPool] = await Promise.all([
    startServiceProcess({
      name: 'workforce',
      entry: 'apps/workforce/src/main.ts',
      env: {
        ...shared,
        WORKFORCE_DB_SCHEMA: schemas.workforce,
        WORKFORCE_TASK_QUEUE: `wf-round-e2e-${run}`,
        WORKFORCE_RUN_WORKER: 'false',
        WORKFORCE_QUOTA_REVIEW_SCHEDULE: 'false',
        WORKFORCE_RECRUITMENT_APPOINTED_CONSUMER: `wf-round-e2e-appointed-${run}`,
        WORKFORCE_APPRAISAL_EXITS_CONSUMER: `wf-round-e2e-exits-${run}`,
      },
      readyTimeoutMs: 300_000,
    }),
    startServiceProcess({
      name: 'recruitment',
      entry: 'apps/recruitment/src/main.ts',
      env: {
        ...shared,
        RECRUITMENT_DB_SCHEMA: schemas.recruitment,
        RECRUITMENT_TASK_QUEUE: queues.recruitment,
        RECRUITMENT_STAFFING_CONSUMER: `rec-round-e2e-staffing-${run}`,
        RECRUITMENT_RESERVE_CONSUMER: `rec-round-e2e-reserve-${run}`,
        RECRUITMENT_RECONCILE_SECONDS: '0',
        RECRUITMENT_PHASE_SECONDS: String(PHASE_SECONDS),
        RECRUITMENT_PUBLIC_RATE_PER_MINUTE: '100',
      },
      readyTimeoutMs: 300_000,
    }),
    startServiceProcess({
      name: 'talent-pool',
      entry: 'apps/talent-pool/src/main.ts',
      // No Temporal worker: entries' workflows only wait (ended below); POOL-3 is the hired event's inbox handler.
      env: {
        ...shared,
        TALENT_POOL_DB_SCHEMA: schemas.talentPool,
        TALENT_POOL_TASK_QUEUE: queues.talentPool,
        TALENT_POOL_RUN_WORKER: 'false',
        TALENT_POOL_HIRED_CONSUMER: `tp-round-e2e-hired-${run}`,
        TALENT_POOL_RECONCILE_SECONDS: '0',
      },
      readyTimeoutMs: 300_000,
    }),
  ]);
  const mint = testing.mintStackToken;
  tokens.district = await mint({ role: 'district', unit: DISTRICT, sub: `e2e-district-${run}` });
  for (const [key, code] of Object.entries(STREETS))
    tokens[key] = await mint({ role: 'street', unit: code, sub: `e2e-street-${key}-${run}` });
}, 330_000);

afterAll(async () => {
  saveServiceLogs({
    'round-e2e-workforce.log': workforce,
    'round-e2e-recruitment.log': recruitment,
    'round-e2e-talent-pool.log': talentPool,
  });
  await Promise.all([workforce?.stop(), recruitment?.stop(), talentPool?.stop()]);
  await cleanUpE2eRun({ taskQueues: Object.values(queues), schemas: Object.values(schemas) });
}, 120_000);

it('REC-1..7, POOL-3: a round of 3 streets and 40 people ends with the right workers hired and the reserve entries joined', async () => {
  const people = cast();
  expect(people).toHaveLength(40);
  const before = { A: await report('A'), B: await report('B'), C: await report('C') };
  expect(before.A.vacancies).toBeGreaterThanOrEqual(2);
  expect(before.B.vacancies).toBeGreaterThanOrEqual(2);
  expect(before.C.vacancies).toBeGreaterThanOrEqual(2);

  // The pool's entries first: their candidate events reach recruitment by Kafka, never by its tables.
  for (const p of people.filter((x) => x.way === 'talent-pool')) p.entryId = await poolEntry(p);

  // Recruitment knows the streets' vacancies once the workforce staffing topic reached it: until then a plan is refused.
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
        posts: PLAN.map((p) => ({
          streetCode: STREETS[p.street],
          postCategory: 'staff',
          count: p.count,
          ...('requiredQualification' in p ? { requiredQualification: p.requiredQualification } : {}),
        })),
      }),
    (r) => r.status === 201 || (r.status !== 422 && r.status !== 409),
    180_000,
  );
  expect(opened.status).toBe(201);
  const campaignId = opened.body.id as string;
  const postIds = Object.fromEntries(
    PLAN.map((p) => [
      p.key,
      (opened.body.posts as Array<{ postId: string; streetCode: string; requiredQualification: string | null }>).find(
        (x) =>
          x.streetCode === STREETS[p.street] &&
          (x.requiredQualification ?? undefined) === ('requiredQualification' in p ? p.requiredQualification : undefined),
      )!.postId,
    ]),
  ) as Record<PostKey, string>;

  // Registration: three ways in (the invitations wait for the candidate events to reach recruitment).
  const refusals: ApiAnswer[] = [];
  for (const p of people) {
    const postId = postIds[p.post];
    let res: ApiAnswer;
    if (p.way === 'public') {
      const answer = await fetch(`${recruitment.baseUrl}/api/recruitment/public/campaigns/${campaignId}/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...p.body, postId }),
      });
      res = { status: answer.status, body: await answer.json() } as ApiAnswer;
    } else if (p.way === 'operator') {
      res = await api(recruitment, 'POST', `/campaigns/${campaignId}/applicants`, { ...p.body, postId });
    } else {
      res = await eventually(
        `invitation of ${p.label}`,
        () => api(recruitment, 'POST', `/campaigns/${campaignId}/invitations`, { talentPoolEntryId: p.entryId, postId, name: p.body.name }),
        (r) => r.status !== 404,
        60_000,
      );
    }
    if (p.rank === undefined) refusals.push(res);
    else {
      expect([p.label, res.status]).toEqual([p.label, 201]);
      p.applicantId = res.body.id as string;
    }
  }
  // REC-4/REC-5 hard failures refuse with the rule and the field.
  expect(refusals.map((r) => [r.status, r.body.code, r.body.field, r.body.details?.rule])).toEqual([
    [422, 'NOT_ELIGIBLE', 'education', 'REC-4'],
    [422, 'NOT_ELIGIBLE', 'certificates', 'REC-4'],
    [422, 'NOT_ELIGIBLE', 'certificates', 'REC-5'],
    [422, 'NOT_ELIGIBLE', 'certificates', 'REC-4'],
  ]);
  const ranked = people.filter((p) => p.rank !== undefined);
  const byLabel = (post: PostKey, rank: number) => ranked.find((p) => p.post === post && p.rank === rank)!;
  // REC-4 45+: the relaxation is applied and explained.
  const relaxed = (await api(recruitment, 'GET', `/applicants/${byLabel('B', 9).applicantId}`)).body;
  expect(JSON.stringify(relaxed.eligibility)).toMatch(/thresholds relaxed/);
  expect((await api(recruitment, 'GET', `/applicants/${byLabel('A', 2).applicantId}`)).body).toMatchObject({
    channel: 'talent-pool',
    talentPoolEntryId: byLabel('A', 2).entryId,
  });

  await closePhase(campaignId, 'registration', 'screening');
  // Screening ends on its shortened timer; the internship places every eligible applicant with a host street (REC-6).
  await phaseReached(campaignId, 'internship');
  const scoreOf = (p: Person, base: number) => base - p.rank! * 2 - ['A', 'B', 'C', 'F'].indexOf(p.post) * 0.25;
  // A's best drops out (REC-6: out, internship not completed); each host street evaluates one intern, the district uploads the rest.
  const dropout = byLabel('A', 1);
  expect((await api(recruitment, 'POST', `/applicants/${dropout.applicantId}/drop-out`, undefined, 'A')).status).toBe(200);
  const streetEvaluated = [byLabel('A', 3), byLabel('B', 3), byLabel('C', 3)];
  for (const p of streetEvaluated) {
    const street = PLAN.find((x) => x.key === p.post)!.street;
    const res = await api(
      recruitment,
      'POST',
      `/applicants/${p.applicantId}/scores`,
      { kind: 'internship', score: scoreOf(p, 99) },
      street,
    );
    expect(res.status).toBe(200);
  }
  const interns = ranked.filter((p) => p !== dropout && !streetEvaluated.includes(p));
  const file = (kind: string, rows: Person[], base: number, header = 'applicantId,score') => ({
    kind,
    csv: [header, ...rows.map((p) => `${p.applicantId},${scoreOf(p, base)}`)].join('\n'),
  });
  expect((await api(recruitment, 'POST', `/campaigns/${campaignId}/score-files`, file('internship', interns, 99))).body).toEqual({
    stored: interns.length,
  });
  await closePhase(campaignId, 'internship', 'written-exam');

  // B's best misses the written exam: out when it closes.
  const absent = byLabel('B', 1);
  const sitting = ranked.filter((p) => p !== dropout && p !== absent);
  expect((await api(recruitment, 'POST', `/campaigns/${campaignId}/score-files`, file('written', sitting, 95))).body).toEqual({
    stored: sitting.length,
  });
  await closePhase(campaignId, 'written-exam', 'interview');
  expect(
    (await api(recruitment, 'POST', `/campaigns/${campaignId}/score-files`, file('interview', sitting, 90, '报名编号,成绩'))).body,
  ).toEqual({
    stored: sitting.length,
  });
  await closePhase(campaignId, 'interview', 'assessment');

  // REC-6 ranking per post: the expected selection is the best remaining `count` of each post.
  const expected = new Map<PostKey, Person[]>(
    PLAN.map((p) => [
      p.key,
      sitting
        .filter((x) => x.post === p.key)
        .sort((a, b) => a.rank! - b.rank!)
        .slice(0, p.count),
    ]),
  );
  const all = (await api(recruitment, 'GET', `/campaigns/${campaignId}/applicants?pageSize=100`)).body.items as Array<any>;
  expect(all).toHaveLength(36);
  const status = new Map(all.map((a) => [a.id as string, a]));
  expect(status.get(dropout.applicantId!)).toMatchObject({ status: 'out', outReason: 'internship-not-completed' });
  expect(status.get(absent.applicantId!)).toMatchObject({ status: 'out', outReason: 'absent-written-exam' });
  const selected = all.filter((a) => a.status === 'selected').map((a) => a.id as string);
  const expectedIds = [...expected.values()].flat().map((p) => p.applicantId!);
  expect(selected.sort()).toEqual([...expectedIds].sort());
  for (const p of [...expected.values()].flat()) {
    expect(status.get(p.applicantId!).rankingExplanation.rules.map((r: { id: string }) => r.id)).toEqual(['REC-1', 'REC-6']);
  }
  await closePhase(campaignId, 'assessment', 'publicity');

  // REC-7: an objection against C's invited best suspends it; the district rejects it; publicity ends on its timer.
  const objected = byLabel('C', 1);
  expect((await api(recruitment, 'POST', `/applicants/${objected.applicantId}/objection`)).status).toBe(200);
  expect(await state(campaignId)).toMatchObject({ phase: 'publicity', openObjections: 1 });
  expect((await api(recruitment, 'GET', `/applicants/${objected.applicantId}`)).body).toMatchObject({
    status: 'suspended',
    objection: 'open',
  });
  expect((await api(recruitment, 'POST', `/applicants/${objected.applicantId}/objection/decision`, { upheld: false })).status).toBe(200);
  await phaseReached(campaignId, 'appointed');

  const appointed = await eventually(
    'six appointed',
    async () => (await api(recruitment, 'GET', `/campaigns/${campaignId}/applicants?status=appointed`)).body,
    (page) => page.total === expectedIds.length,
  );
  expect(appointed.items.map((a: { id: string }) => a.id).sort()).toEqual([...expectedIds].sort());

  // The workforce service hires them through its inbox (reading the topic from the beginning: an
  // earlier run's appointments on this stack may be hired too, so ours are counted by campaign id).
  for (const street of ['A', 'B', 'C'] as const) {
    const names = [...expected.values()]
      .flat()
      .filter((p) => PLAN.find((x) => x.key === p.post)!.street === street)
      .map((p) => p.body.name)
      .sort();
    const hired = await eventually(
      `workforce hired ours in ${street}`,
      async () =>
        ((await api(workforce, 'GET', `/workers?unit=${STREETS[street]}&pageSize=100`, undefined, street)).body.items as Array<any>).filter(
          (w) => w.campaignId === campaignId,
        ),
      (ws) => ws.length === names.length,
    );
    expect(hired.map((w) => w.name).sort()).toEqual(names);
    expect(hired.every((w) => w.entryRoute === 'recruited' && w.unitCode === STREETS[street])).toBe(true);
    // Its report counts them: headcount up and vacancies down by the same number (ours at least).
    const after = await report(street);
    expect(after.headcount - before[street].headcount).toBeGreaterThanOrEqual(names.length);
    expect(before[street].vacancies - after.vacancies).toBe(after.headcount - before[street].headcount);
  }

  // POOL-3: the invited and hired have their reserve entries joined; the invited not selected and the refused stay in reserve.
  const invited = people.filter((p) => p.way === 'talent-pool');
  for (const p of invited) {
    const hired = expectedIds.includes(p.applicantId ?? '');
    const entry = await eventually(
      `entry of ${p.label}`,
      async () => (await api(talentPool, 'GET', `/entries/${p.entryId}`)).body,
      (e) => !hired || e.status === 'joined',
    );
    expect([p.label, entry.status]).toEqual([p.label, hired ? 'joined' : 'active']);
    if (hired) expect(entry).toMatchObject({ joinRoute: 'worker-hired-event', nationalIdMasked: null });
  }
  expect(
    invited
      .filter((p) => expectedIds.includes(p.applicantId ?? ''))
      .map((p) => `${p.post}${p.rank}`)
      .sort(),
  ).toEqual(['A2', 'B2', 'C1', 'F1']);
}, 1_200_000);
