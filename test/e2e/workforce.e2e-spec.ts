/**
 * The workforce service as a real process (src/main.ts through swc-node, so the run tests the
 * checked-out code, never a stale dist) on the real PostgreSQL (E2E database, a schema of its
 * own: the org tree and first quotas load at start), Kafka and Temporal: a district's roster is
 * seeded, workers are hired, promoted (PROM-1/PROM-3), put on leave, transferred and exited
 * (EXIT-1..3) through the API; the events are read back from Kafka with a fresh consumer group and
 * the QUOTA-6 report figures (headcount, vacancies, title structure, turnover) must match.
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import {
  EventSchemaValidator,
  OrgUnitDirectory,
  authConfigSchema,
  authSettings,
  findPersonalData,
  fromRepoRoot,
  loadConfig,
  mintLocalToken,
  testing,
  withStackEnv,
  type Role,
} from '@cwp/platform';
import { shanghaiDate } from '@cwp/policy';
import { WORKER_EVENT_TYPES, WORKFORCE_WORKERS_TOPIC, workforceWorkerEventContracts } from '@cwp/contracts';
import { startServiceProcess, type ServiceProcess, readEvents, type ReadEvent } from '@cwp/test-support';

const run = randomBytes(4).toString('hex');
const schema = `wf_e2e_${run}`;
const DISTRICT = '310101';
const STREET = '310101002';
const AREA_1 = '310101002001';
const AREA_2 = '310101002002';
const OTHER_STREET_AREA = '310101013001';
const OUTSIDE_AREA = '310104003001';

let service: ServiceProcess;
let piiKey: Buffer;
const tokens = {} as Record<'city' | 'district' | 'street', string>;
const today = shanghaiDate(new Date());
const periodFrom = `${today.slice(0, 4)}-01-01`;

/** The platform's one national-ID builder: consecutive sequence numbers, never two alike in a run. */
function nationalId(birth: string): string {
  return testing.newNationalId({ birthDate: birth.replace(/-/g, ''), region: '310101' });
}

async function api(method: string, url: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${service.baseUrl}/api/workforce${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomBytes(8).toString('hex') }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function report(code: string): Promise<any> {
  const res = await api('GET', `/units/${code}/report?from=${periodFrom}&to=${today}`, tokens.district);
  expect(res.status).toBe(200);
  return res.body.total;
}

beforeAll(async () => {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl || !process.env.TEMPORAL_ADDRESS || !process.env.KAFKA_BROKERS) {
    throw new Error('E2E_DATABASE_URL, TEMPORAL_ADDRESS and KAFKA_BROKERS must be set (run `bash infra/local/stack.sh up`)');
  }
  piiKey = randomBytes(32);
  service = await startServiceProcess({
    name: 'workforce',
    entry: 'apps/workforce/src/main.ts',
    env: {
      DATABASE_URL: databaseUrl,
      WORKFORCE_DB_SCHEMA: schema,
      WORKFORCE_TASK_QUEUE: `wf-e2e-${run}`,
      // This suite needs no workflow: no worker, no yearly schedule on the shared Temporal server.
      WORKFORCE_RUN_WORKER: 'false',
      WORKFORCE_QUOTA_REVIEW_SCHEDULE: 'false',
      WORKFORCE_SEED_ON_START: 'true',
      PII_ENCRYPTION_KEY: piiKey.toString('hex'),
      NODE_ENV: 'e2e',
    },
    readyTimeoutMs: 150_000,
  });
  const env = withStackEnv(process.env);
  const settings = authSettings(loadConfig(authConfigSchema, env), env);
  const directory = OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json'));
  const mint = (role: Role, unit: string) => mintLocalToken({ role, unit, sub: `e2e-${role}-${unit}` }, settings, directory);
  tokens.city = await mint('city', '31');
  tokens.district = await mint('district', DISTRICT);
  tokens.street = await mint('street', STREET);
}, 200_000);

afterAll(async () => {
  const exit = await service?.stop();
  if (exit && (exit.forced || (exit.code ?? 0) !== 0))
    console.warn(`workforce did not stop cleanly (${JSON.stringify(exit)}):\n${service.output().slice(-3000)}`);
  const pg = new PgClient({ connectionString: process.env.E2E_DATABASE_URL });
  await pg.connect();
  await pg.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pg.end();
}, 60_000);

describe('workforce roster end to end', () => {
  /** Every worker this run created, by a readable handle. */
  const w: Record<string, { id: string; version: number }> = {};
  let before: any;
  let withId = { nationalId: '', id: '' };

  it('the org tree and quotas loaded at start: the street has a quota and, with an empty roster, no headcount', async () => {
    before = await report(STREET);
    expect(before.quota).toBeGreaterThan(0);
    expect(before).toMatchObject({ headcount: 0, vacancies: before.quota, exits: 0 });
  });

  it('seeds the street: 12 workers hired through the API (one with a national ID), titles 5:3:2 plus two untitled', async () => {
    const plan: Array<[string, Record<string, unknown>]> = [
      ['j1', { unitCode: AREA_1, title: 'junior' }],
      ['j2', { unitCode: AREA_1, title: 'junior' }],
      ['j3', { unitCode: AREA_2, title: 'junior' }],
      ['j4', { unitCode: STREET, title: 'junior' }],
      ['j5', { unitCode: STREET, title: 'junior', entryRoute: 'elected', role: 'head' }],
      ['i1', { unitCode: AREA_1, title: 'intermediate' }],
      ['i2', { unitCode: AREA_2, title: 'intermediate' }],
      ['i3', { unitCode: STREET, title: 'intermediate' }],
      ['s1', { unitCode: AREA_2, title: 'senior', entryRoute: 'elected', role: 'manager', postRole: 'administrative-manager' }],
      ['s2', { unitCode: STREET, title: 'senior' }],
      ['n1', { unitCode: AREA_1, hiredOn: undefined }],
      ['n2', { unitCode: AREA_2, hiredOn: undefined }],
    ];
    for (const [handle, overrides] of plan) {
      const body: Record<string, unknown> = {
        name: `王${handle}`,
        birthDate: '1988-04-12',
        education: 'bachelor',
        major: 'social-work',
        entryRoute: 'recruited',
        role: 'staff',
        postLevel: 4,
        hiredOn: '2020-03-01',
        ...overrides,
      };
      if (handle === 'n1') {
        withId = { nationalId: nationalId('1988-04-12'), id: '' };
        body.nationalId = withId.nationalId;
      }
      if (body.hiredOn === undefined) delete body.hiredOn;
      const res = await api('POST', '/workers', tokens.district, body);
      expect(res.status).toBe(201);
      w[handle] = { id: res.body.id, version: res.body.version };
    }
    withId.id = w.n1!.id;
    const n1 = await api('GET', `/workers/${w.n1!.id}`, tokens.street);
    expect(n1.body.nationalIdMasked).toBe(`${withId.nationalId.slice(0, 4)}**********${withId.nationalId.slice(14)}`);
    expect(JSON.stringify(n1.body)).not.toContain(withId.nationalId);
  });

  it('PROM-3 promotes a junior within the street 4:4:2, then refuses the next one with the figures', async () => {
    const ok = await api('POST', `/workers/${w.j1!.id}/promotions`, tokens.street, { toTitle: 'intermediate' });
    expect(ok.status).toBe(200);
    expect(ok.body.worker.title).toBe('intermediate');
    const refused = await api('POST', `/workers/${w.j2!.id}/promotions`, tokens.street, { toTitle: 'intermediate' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'TITLE_STRUCTURE_EXCEEDED',
      field: 'toTitle',
      details: {
        rule: 'PROM-3',
        unitCode: STREET,
        currentCounts: { junior: 4, intermediate: 4, senior: 2 },
        sharesAfter: { intermediate: 0.5 },
        tolerance: 0.05,
      },
    });
    const skip = await api('POST', `/workers/${w.j2!.id}/promotions`, tokens.street, { toTitle: 'senior' });
    expect(skip).toMatchObject({ status: 422, body: { field: 'toTitle', details: { rule: 'PROM-1' } } });
  });

  it('puts one worker on leave (QUOTA-6 on-duty count) and changes a post level with the version read', async () => {
    expect((await api('POST', `/workers/${w.i2!.id}/leave`, tokens.street, { expectedReturnOn: '2027-03-01' })).status).toBe(200);
    const patched = await api('PATCH', `/workers/${w.i3!.id}`, tokens.street, { version: w.i3!.version, postLevel: 9 });
    expect(patched).toMatchObject({ status: 200, body: { postLevel: 9, version: 2 } });
    expect((await api('PATCH', `/workers/${w.i3!.id}`, tokens.street, { version: w.i3!.version, postLevel: 10 })).status).toBe(409);
  });

  it('ORG-2 transfers: within the street by the street, to another street of the district by the district, never outside the district', async () => {
    expect((await api('POST', `/workers/${w.n2!.id}/transfer`, tokens.street, { toUnit: AREA_1 })).body.unitCode).toBe(AREA_1);
    expect((await api('POST', `/workers/${w.j3!.id}/transfer`, tokens.street, { toUnit: OTHER_STREET_AREA })).status).toBe(404);
    expect((await api('POST', `/workers/${w.j3!.id}/transfer`, tokens.district, { toUnit: OUTSIDE_AREA })).status).toBe(404);
    expect((await api('POST', `/workers/${w.j3!.id}/transfer`, tokens.district, { toUnit: OTHER_STREET_AREA })).body.unitCode).toBe(
      OTHER_STREET_AREA,
    );
    // The street no longer sees the worker it lost.
    expect((await api('GET', `/workers/${w.j3!.id}`, tokens.street)).status).toBe(404);
  });

  it('EXIT-1..3: exits with causes that fit the entry route, explained; a cause that does not fit is a 422 naming cause', async () => {
    const wrong = await api('POST', `/workers/${w.j5!.id}/exit`, tokens.street, { cause: 'serious-breach', effectiveOn: today });
    expect(wrong).toMatchObject({ status: 422, body: { field: 'cause', details: { rule: 'EXIT-2' } } });

    const recruited = await api('POST', `/workers/${w.j4!.id}/exit`, tokens.street, {
      cause: 'uncorrected-duty-failure',
      effectiveOn: today,
      facts: { dutyFailure: true, correctedAfterEducation: false },
    });
    expect(recruited.status).toBe(200);
    expect(recruited.body).toMatchObject({ status: 'exited', exitCause: 'uncorrected-duty-failure', exit: { rules: ['ORG-3', 'EXIT-3'] } });

    const elected = await api('POST', `/workers/${w.s1!.id}/exit`, tokens.street, {
      cause: 're-election-not-returned',
      effectiveOn: today,
    });
    expect(elected.body.exit.rules).toEqual(['ORG-3', 'EXIT-1']);
  });

  it('the audit trail holds the changes with personal fields masked, and the refused out-of-scope transfer', async () => {
    const hire = await api('GET', `/audit?entity=workforce_worker&entityId=${withId.id}`, tokens.city);
    expect(hire.status).toBe(200);
    const created = hire.body.items.find((e: { action: string }) => e.action === 'hire');
    expect(created.after).toMatchObject({
      name: '[personal]',
      birthDate: '[personal]',
      nationalId: '[personal]',
      personRef: '[personal]',
      unitCode: AREA_1,
    });
    expect(JSON.stringify(hire.body)).not.toContain(withId.nationalId);
    const denied = await api('GET', `/audit?entity=org_unit&entityId=${OUTSIDE_AREA}`, tokens.city);
    expect(denied.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ outcome: 'denied', action: 'transfer', subject: `e2e-district-${DISTRICT}` })]),
    );
  });

  it('the events reached Kafka keyed by worker id, valid against their schemas, with no national ID, phone or name', async () => {
    const ids = new Set(Object.values(w).map((x) => x.id));
    const expected = {
      [WORKER_EVENT_TYPES.hired]: 12,
      [WORKER_EVENT_TYPES.changed]: 3,
      [WORKER_EVENT_TYPES.transferred]: 2,
      [WORKER_EVENT_TYPES.exited]: 2,
    };
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    const events = await readEvents({
      topic: WORKFORCE_WORKERS_TOPIC,
      filter: (e) => e.key !== null && ids.has(e.key),
      count: total,
      timeoutMs: 60_000,
    });
    const byType = (type: string): ReadEvent[] => events.filter((e) => e.value.type === type);
    for (const [type, n] of Object.entries(expected)) expect(byType(type)).toHaveLength(n);

    // The platform's validator (ajv 8 with formats), the same the outbox writer uses.
    const validator = new EventSchemaValidator();
    for (const e of events) {
      const contract = workforceWorkerEventContracts.find((c) => c.type === e.value.type)!;
      expect(() => validator.validate(contract, e.value.data)).not.toThrow();
      expect(e.value.subject).toBe(e.key);
      expect(findPersonalData(e.value.data)).toBeUndefined();
      expect(e.raw).not.toContain(withId.nationalId);
      expect(e.raw).not.toMatch(/王[a-z]\d/);
    }
    // POOL-3: the pool matches the person by the keyed hash it derives the same way.
    const refKey = Buffer.from(hkdfSync('sha256', piiKey, Buffer.alloc(0), 'cwp.person-ref.v1', 32));
    const personRef = createHmac('sha256', refKey).update(`cwp.person-ref.v1:${withId.nationalId}`).digest('hex');
    expect(byType(WORKER_EVENT_TYPES.hired).find((e) => e.key === withId.id)!.value.data).toMatchObject({
      personRef,
      unitCode: AREA_1,
      entryRoute: 'recruited',
    });
    // Per worker, the events arrive in the order they happened.
    const j3 = events.filter((e) => e.key === w.j3!.id).map((e) => e.value.type);
    expect(j3).toEqual([WORKER_EVENT_TYPES.hired, WORKER_EVENT_TYPES.transferred]);
    expect(
      byType(WORKER_EVENT_TYPES.exited)
        .map((e) => e.value.data!.cause)
        .sort(),
    ).toEqual(['re-election-not-returned', 'uncorrected-duty-failure']);
  });

  it('QUOTA-6 report of the street matches what was done: headcount, vacancies, on duty, title structure, turnover', async () => {
    const after = await report(STREET);
    // 12 hired; j3 moved to another street; j4 and s1 exited.
    const headcount = 9;
    // ORG-2: j3 was still in the street on the period's first day (it moved today), so it counts there at the start.
    const atStart = today > periodFrom ? headcount + 1 : headcount;
    expect(after).toMatchObject({
      quota: before.quota,
      headcount,
      vacancies: before.vacancies - headcount,
      onDuty: headcount - 1,
      onLeave: 1,
      exits: 2,
      // n1 was hired today; n2 too, then moved inside the street. Everyone else in 2020.
      hires: 2,
      headcountAtStart: atStart,
      headcountAtEnd: 9,
    });
    expect(after.turnoverRate).toBeCloseTo(2 / ((atStart + 9) / 2), 4);
    // Titled and current: juniors j2, j5; intermediates j1 (promoted), i1, i2, i3; senior s2.
    expect(after.titles.counts).toEqual({ junior: 2, intermediate: 4, senior: 1, none: 2 });
    expect(after.titles.target).toEqual({ junior: 0.4, intermediate: 0.4, senior: 0.2 });
    // REC-4 education keyed by the shared vocabulary codes; everyone hired here is a bachelor.
    expect(after.education).toEqual({ ...before.education, bachelor: before.education.bachelor + headcount - before.headcount });
    expect(Object.keys(after.education)).toEqual(['below-junior-college', 'junior-college', 'bachelor', 'master', 'doctorate']);

    const district = await report(DISTRICT);
    expect(district.headcount).toBe(headcount + 1);
  });

  it('the service logs never show the national ID', () => {
    expect(service.output()).not.toContain(withId.nationalId);
  });
});
