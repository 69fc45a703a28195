/**
 * The appraisal API on real PostgreSQL through the platform HTTP wiring: the ORG-2 access matrix
 * of cycles, records and results, and the residents' endpoint under abuse (no token, duplicates,
 * hostile bodies, floods), APPR-3's "counts, never who", and the set-based close with the APPR-2
 * calibration check.
 */
import { randomUUID } from 'node:crypto';
import { CyclesService } from '../cycles';
import { principalOf, startAppraisalHttpApp, type AppraisalHttpApp } from '../testing';

jest.setTimeout(60_000);

const STREET = '310104003';
const AREA = '310104003001';
const street = principalOf('street', STREET);
const district = principalOf('district', '310104');
const city = principalOf('city', '31');
const otherStreet = principalOf('street', '310101002');
const otherDistrict = principalOf('district', '310101');
const scores = (v: number) => ({ morality: v, ability: v, diligence: v, performance: v, integrity: v });

let http: AppraisalHttpApp;
let cycleId: string;
const workers = Array.from({ length: 6 }, () => randomUUID());

beforeAll(async () => {
  http = await startAppraisalHttpApp('appr_http_it', { residentRatePerMinute: 40 });
  await http.hire(workers.map((workerId, i) => ({ workerId, unitCode: AREA, entryRoute: i % 2 === 0 ? 'recruited' : 'elected' })));
  const opened = await http.call('POST', '/cycles', {
    principal: street,
    body: { unitCode: STREET, year: 2026, ratingClosesAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
  expect(opened.status).toBe(201);
  cycleId = opened.body.id;
  // No Temporal here: the window is opened as the workflow's openRating activity would.
  await http.ds.query(`UPDATE cycles SET phase = 'rating' WHERE id = $1`, [cycleId]);
});

afterAll(async () => {
  await http?.close();
});

describe('ORG-2 access matrix of the appraisal API', () => {
  it.each([
    ['the opening street', 200, street],
    ['its district', 200, district],
    ['the city', 200, city],
    ['another street', 404, otherStreet],
    ['another district', 404, otherDistrict],
  ])('GET a cycle as %s → %i', async (_who, status, principal) => {
    expect((await http.call('GET', `/cycles/${cycleId}`, { principal })).status).toBe(status);
  });

  it.each([
    ['its street', 200, street],
    ['the city', 200, city],
    ['another district', 404, otherDistrict],
  ])("GET a worker's record as %s → %i", async (_who, status, principal) => {
    expect((await http.call('GET', `/records/${workers[0]}`, { principal })).status).toBe(status);
  });

  it('a denial outside the scope is audited, and a missing id answers the same 404', async () => {
    const denied = await http.call('GET', `/cycles/${cycleId}`, { principal: otherStreet });
    const missing = await http.call('GET', `/cycles/${randomUUID()}`, { principal: otherStreet });
    expect([denied.status, missing.status]).toEqual([404, 404]);
    expect(denied.body.code).toBe(missing.body.code);
    const rows = await http.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'denied' AND entity_id = $1`, [cycleId]);
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('opening a cycle for a unit outside the scope is 404 on unitCode; the city role may not open one (403)', async () => {
    const outside = await http.call('POST', '/cycles', {
      principal: street,
      body: { unitCode: '310101002', year: 2026, ratingClosesAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(outside).toMatchObject({ status: 404, body: { field: 'unitCode' } });
    expect(
      (
        await http.call('POST', '/cycles', {
          principal: city,
          body: { unitCode: '310104', year: 2026, ratingClosesAt: new Date(Date.now() + 86_400_000).toISOString() },
        })
      ).status,
    ).toBe(403);
  });

  it('a cycle for a year before the first policy version is a 400 naming year (APPR-1 weights need a version), and nothing is stored', async () => {
    const before = await http.ds.query(`SELECT count(*)::int AS n FROM cycles`);
    const early = await http.call('POST', '/cycles', {
      principal: street,
      body: { unitCode: STREET, year: 2001, ratingClosesAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(early).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'year' } });
    expect(await http.ds.query(`SELECT count(*)::int AS n FROM cycles`)).toEqual(before);
  });

  it('a district cycle overlapping the street cycle of the same year is refused (409)', async () => {
    const res = await http.call('POST', '/cycles', {
      principal: district,
      body: { unitCode: '310104', year: 2026, ratingClosesAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(res).toMatchObject({ status: 409, body: { code: 'DUPLICATE', details: { reason: 'CYCLE_OVERLAP' } } });
  });

  it('an operator out of scope cannot rate the workers of the cycle (404), and nothing is stored', async () => {
    const res = await http.call('POST', `/cycles/${cycleId}/ratings`, {
      principal: otherDistrict,
      body: { source: 'management', ratings: [{ workerId: workers[0], scores: scores(80) }] },
    });
    expect(res.status).toBe(404);
    expect((await http.ds.query(`SELECT count(*)::int AS n FROM ratings WHERE source = 'management'`))[0].n).toBe(0);
  });
});

describe('APPR-4 targets', () => {
  const targets = (workerId: string) => ({
    targets: [
      { workerId, kind: 'annual', description: '完成网格走访 120 户' },
      { workerId, kind: 'term', description: '任期内建成楼组自治队伍' },
    ],
  });
  const stored = async () => (await http.ds.query(`SELECT count(*)::int AS n FROM targets WHERE cycle_id = $1`, [cycleId]))[0].n;

  it('APPR-4 the street records annual and term targets per worker (audited); a worker outside the cycle or an outside street stores nothing', async () => {
    expect(await http.call('POST', `/cycles/${cycleId}/targets`, { principal: street, body: targets(workers[0]!) })).toMatchObject({
      status: 200,
      body: { recorded: 2 },
    });
    const audited = await http.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'targets' AND entity_id = $1`, [cycleId]);
    expect(audited[0].n).toBe(1);
    expect((await http.call('POST', `/cycles/${cycleId}/targets`, { principal: street, body: targets(randomUUID()) })).status).toBe(404);
    expect((await http.call('POST', `/cycles/${cycleId}/targets`, { principal: otherStreet, body: targets(workers[1]!) })).status).toBe(
      404,
    );
    const hostile = await http.call('POST', `/cycles/${cycleId}/targets`, {
      principal: street,
      body: { targets: [{ workerId: workers[1], kind: 'forever', description: '' }] },
    });
    expect(hostile.status).toBe(400);
    expect(JSON.stringify(hostile.body)).toMatch(/targets\.0\.kind|kind/);
    expect(await stored()).toBe(2);
  });
});

describe("residents' endpoint (APPR-3): anonymous, one per resident, rate-limited", () => {
  const resident = (workerId: string, residentId: string, value = 80) => ({ workerId, year: 2026, residentId, scores: scores(value) });

  it('APPR-3 accepts a rating without a token and refuses the same resident again (409), stores no identity', async () => {
    expect((await http.call('POST', '/public/ratings', { body: resident(workers[0]!, '13800138000') })).status).toBe(201);
    const again = await http.call('POST', '/public/ratings', { body: resident(workers[0]!, '138 0013 8000', 10) });
    expect(again).toMatchObject({ status: 409, body: { code: 'DUPLICATE', field: 'residentId' } });
    expect((await http.call('POST', '/public/ratings', { body: resident(workers[0]!, '13900139000') })).status).toBe(201);
    const stored = await http.ds.query(`SELECT rater_key FROM ratings WHERE source = 'residents'`);
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toMatch(/1380013|1390013/);
    const audit = await http.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE changed_fields::text LIKE '%resident%'`);
    expect(audit[0].n).toBe(0);
  });

  it('APPR-3 the street sees how many residents rated, never who', async () => {
    const res = await http.call('GET', `/cycles/${cycleId}/rating-counts`, { principal: street });
    expect(res.status).toBe(200);
    expect(res.body.find((c: { workerId: string }) => c.workerId === workers[0])).toEqual({
      workerId: workers[0],
      management: 0,
      peers: 0,
      residents: 2,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/rater|1380013/);
  });

  it.each([
    ['an unknown field', { ...resident(workers[1]!, 'resident-1'), name: '张三' }, 400, 'name'],
    ['a score above 100', { ...resident(workers[1]!, 'resident-2'), scores: { ...scores(80), integrity: 101 } }, 400, 'scores.integrity'],
    ['a missing dimension', { workerId: workers[1], year: 2026, residentId: 'resident-3', scores: { morality: 1 } }, 400, 'scores.ability'],
    ['a year that is no number', { ...resident(workers[1]!, 'resident-4'), year: '2026; DROP TABLE ratings' }, 400, 'year'],
    ['a worker id with SQL in it', resident(`x' OR '1'='1`, 'resident-5'), 400, 'workerId'],
    ['an unknown worker', resident(randomUUID(), 'resident-6'), 404, undefined],
    ['a year without an open window', { ...resident(workers[1]!, 'resident-7'), year: 2025 }, 404, undefined],
  ])('a hostile body (%s) is a clear 4xx naming the field, and nothing is stored', async (_what, body, status, field) => {
    const before = (await http.ds.query(`SELECT count(*)::int AS n FROM ratings`))[0].n;
    const res = await http.call('POST', '/public/ratings', { body });
    expect(res.status).toBe(status);
    if (field) expect(JSON.stringify(res.body.errors ?? res.body.field)).toContain(field);
    expect((await http.ds.query(`SELECT count(*)::int AS n FROM ratings`))[0].n).toBe(before);
  });

  it('malformed JSON is 400 MALFORMED_REQUEST, never a 500', async () => {
    const res = await http.call('POST', '/public/ratings', { raw: '{"workerId": ' });
    expect(res).toMatchObject({ status: 400, body: { code: 'MALFORMED_REQUEST' } });
  });

  it('a flood from one address is cut off with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++)
      statuses.push((await http.call('POST', '/public/ratings', { body: resident(workers[2]!, `flood-${i}`) })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await http.call('POST', '/public/ratings', { body: resident(workers[2]!, 'flood-x') });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      details: { retryAfterSeconds: Number(limited.headers.get('retry-after')) },
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('close and calibration (APPR-1..3, APPR-2)', () => {
  it('APPR-2 the set-based close grades every rated worker with its explanation and flags a street over the excellent limit', async () => {
    // Management rates: four workers excellent (95), one unqualified (40); workers[5] is never rated.
    const ratings = workers.slice(0, 5).map((workerId, i) => ({ workerId, scores: scores(i < 4 ? 95 : 40) }));
    expect(
      (await http.call('POST', `/cycles/${cycleId}/ratings`, { principal: street, body: { source: 'management', ratings } })).status,
    ).toBe(200);
    const dup = await http.call('POST', `/cycles/${cycleId}/ratings`, {
      principal: street,
      body: { source: 'management', ratings: ratings.slice(0, 1) },
    });
    expect(dup).toMatchObject({ status: 409, body: { code: 'DUPLICATE' } });

    const cycles = http.app.get(CyclesService, { strict: false });
    const closed = await cycles.close(cycleId, 'operator', '', () => undefined);
    expect(closed.results).toBe(5);
    expect(closed.unitsOverLimit).toEqual([STREET]);

    const excellent = await http.call('GET', `/results/${workers[1]}/2026`, { principal: street });
    expect(excellent.body).toMatchObject({ grade: 'excellent', status: 'draft' });
    expect(excellent.body.explanation.rules.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['APPR-1', 'APPR-2', 'APPR-3']),
    );
    expect((await http.call('GET', `/results/${workers[5]}/2026`, { principal: street })).status).toBe(404);

    // Publishing is refused while the street is over the limit: 422 naming the unit.
    const refused = await http.call('POST', `/cycles/${cycleId}/publish`, { principal: street });
    expect(refused).toMatchObject({ status: 422, body: { code: 'CALIBRATION_REQUIRED', details: { rule: 'APPR-2', units: [STREET] } } });

    // Calibration moves (audited, explained) bring it within the limit (at most 1 of 5).
    const list = await http.call('GET', `/results?unit=${STREET}&year=2026`, { principal: street });
    const excellentIds: string[] = list.body
      .filter((r: { grade: string }) => r.grade === 'excellent')
      .map((r: { workerId: string }) => r.workerId);
    expect(excellentIds.length).toBeGreaterThan(1);
    for (const workerId of excellentIds.slice(1)) {
      const moved = await http.call('POST', `/cycles/${cycleId}/calibrations`, {
        principal: street,
        body: { workerId, grade: 'qualified', reason: '与同岗位相比贡献一般' },
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ grade: 'qualified', mappedGrade: 'excellent' });
      expect(moved.body.explanation.steps.at(-1).say).toContain('Calibrated from excellent to qualified');
    }
    const audit = await http.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'calibrate'`);
    expect(audit[0].n).toBe(excellentIds.length - 1);
    await expect(cycles.checkCalibration(cycleId)).resolves.toBeUndefined();
  });
});
