/**
 * The roster's HTTP contract on the real platform wiring and PostgreSQL: Idempotency-Key replays,
 * 409 on a stale version, 400 naming the field for bad input (never a 500), 422 with rule IDs for
 * policy refusals, and responses that never carry the national ID or its person reference.
 */
import { nationalIdCheckChar } from '@cwp/policy';
import { STREET_A1, newHire, newNationalId, principalOf } from './testing/workers-int-context';

// A national ID whose check character is wrong (any character but the right one).
const BAD_CHECK_ID = (() => {
  const first17 = '31010119900517123';
  return first17 + (nationalIdCheckChar(first17) === '0' ? '1' : '0');
})();
import { startWorkersHttpApp, type WorkersHttpApp } from './testing/workers-http-app';

let http: WorkersHttpApp;
const API = '/api/workforce/workers';
const street = principalOf('street', STREET_A1);

beforeAll(async () => {
  http = await startWorkersHttpApp('wf_http_it');
});
afterAll(async () => {
  await http?.close();
});

describe('mutations honour Idempotency-Key', () => {
  it('a retried hire with the same key answers the first response and hires once', async () => {
    const body = newHire();
    const first = await http.call('POST', API, { principal: street, body, headers: { 'Idempotency-Key': 'hire-once-1' } });
    const again = await http.call('POST', API, { principal: street, body, headers: { 'Idempotency-Key': 'hire-once-1' } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const [row] = (await http.ds.query('SELECT count(*)::int AS n FROM workers WHERE name = $1', [body.name])) as Array<{ n: number }>;
    expect(row!.n).toBe(1);
  });

  it('the same key with another body is a 422 IDEMPOTENCY_KEY_REUSED', async () => {
    await http.call('POST', API, { principal: street, body: newHire(), headers: { 'Idempotency-Key': 'hire-once-2' } });
    const other = await http.call('POST', API, { principal: street, body: newHire(), headers: { 'Idempotency-Key': 'hire-once-2' } });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a retried exit replays the explanation instead of failing on the exited worker', async () => {
    const hired = await http.call('POST', API, { principal: street, body: newHire() });
    const exit = { cause: 'serious-breach', effectiveOn: '2026-05-31' };
    const first = await http.call('POST', `${API}/${hired.body.id}/exit`, {
      principal: street,
      body: exit,
      headers: { 'Idempotency-Key': `exit-${hired.body.id}` },
    });
    const again = await http.call('POST', `${API}/${hired.body.id}/exit`, {
      principal: street,
      body: exit,
      headers: { 'Idempotency-Key': `exit-${hired.body.id}` },
    });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const [row] = (await http.ds.query(
      "SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND event_type = 'cwp.workforce.worker.exited.v1'",
      [hired.body.id],
    )) as Array<{ n: number }>;
    expect(row!.n).toBe(1);
  });
});

describe('optimistic concurrency over HTTP', () => {
  it('PATCH with a stale version is a 409 CONFLICT; without a version it is a 400 naming version', async () => {
    const hired = await http.call('POST', API, { principal: street, body: newHire() });
    expect((await http.call('PATCH', `${API}/${hired.body.id}`, { principal: street, body: { version: 1, postLevel: 5 } })).status).toBe(
      200,
    );
    const stale = await http.call('PATCH', `${API}/${hired.body.id}`, { principal: street, body: { version: 1, postLevel: 6 } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const missing = await http.call('PATCH', `${API}/${hired.body.id}`, { principal: street, body: { postLevel: 6 } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('version');
  });
});

describe('bad input is a 4xx naming the field, never a 500', () => {
  it.each([
    ['an unknown field', { ...newHire(), salary: 1 }, 'salary'],
    ['POST-1 level 19', newHire({ postLevel: 19 }), 'postLevel'],
    ['a district as employing unit', newHire({ unitCode: '310101' }), 'unitCode'],
    ['an invalid national ID', newHire({ nationalId: BAD_CHECK_ID }), 'nationalId'],
    ['an unknown title', { ...newHire(), title: 'expert' }, 'title'],
    ['a non-date hire day', newHire({ hiredOn: '2026-02-30' }), 'hiredOn'],
  ])('hire with %s → 400 on %s', async (_what, body, field) => {
    const res = await http.call('POST', API, { principal: street, body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(JSON.stringify(res.body)).not.toContain(BAD_CHECK_ID);
  });

  it.each([
    ['sort=salary', 'sort'],
    ['order=sideways', 'order'],
    ['ageBand=60-69', 'ageBand'],
    ['pageSize=1000', 'pageSize'],
    ['unit=99', 'unit'],
  ])('list with %s → 400 on %s', async (query, field) => {
    const res = await http.call('GET', `${API}?${query}`, { principal: street });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('a malformed worker id is a 404 like a missing one', async () => {
    expect((await http.call('GET', `${API}/not-a-uuid`, { principal: street })).status).toBe(404);
    expect((await http.call('GET', `${API}/00000000-0000-4000-8000-000000000000`, { principal: street })).status).toBe(404);
  });
});

describe('policy refusals are 422 with the rule', () => {
  it('EXIT-2 an EXIT-3 cause for an elected worker names cause and lists the allowed causes', async () => {
    const hired = await http.call('POST', API, { principal: street, body: newHire({ entryRoute: 'elected', role: 'head' }) });
    const res = await http.call('POST', `${API}/${hired.body.id}/exit`, {
      principal: street,
      body: { cause: 'unqualified-two-years', effectiveOn: '2026-05-31' },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATED',
      field: 'cause',
      details: { rule: 'EXIT-2', allowedCauses: ['law', 're-election-not-returned'] },
    });
  });

  it('an unknown exit cause is a 400 (closed set)', async () => {
    const hired = await http.call('POST', API, { principal: street, body: newHire() });
    const res = await http.call('POST', `${API}/${hired.body.id}/exit`, {
      principal: street,
      body: { cause: 'resigned', effectiveOn: '2026-05-31' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('cause');
  });

  it('EXIT-3 the exit response explains the decision with rule IDs', async () => {
    const hired = await http.call('POST', API, { principal: street, body: newHire() });
    const res = await http.call('POST', `${API}/${hired.body.id}/exit`, {
      principal: street,
      body: {
        cause: 'unqualified-two-years',
        effectiveOn: '2026-05-31',
        facts: {
          appraisals: [
            { year: 2024, grade: 'unqualified' },
            { year: 2025, grade: 'unqualified' },
          ],
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.exit.rules).toEqual(expect.arrayContaining(['ORG-3', 'EXIT-3', 'APPR-5']));
    expect(res.body.exitExplanation.steps.length).toBeGreaterThan(0);
  });
});

describe('personal data', () => {
  it('responses carry the masked national ID only, never the number or its person reference', async () => {
    const nationalId = newNationalId();
    const hired = await http.call('POST', API, { principal: street, body: newHire({ nationalId }) });
    const read = await http.call('GET', `${API}/${hired.body.id}`, { principal: street });
    for (const res of [hired, read]) {
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(nationalId);
      expect(text).not.toMatch(/personRef|national_id_enc|nationalIdEnc/);
      expect(res.body.nationalIdMasked).toBe(`${nationalId.slice(0, 4)}**********${nationalId.slice(14)}`);
    }
  });
});
