/**
 * The monthly pay run (PAY-2, PAY-5, PAY-6) over HTTP on real PostgreSQL: one set-based run per
 * month, twelve slips whose base pay adds up exactly to each worker's base part of the yearly pay,
 * the unit's PAY-6 pool paid quarterly on the slips (bound to the quota, shared by grade, the same
 * instalment for any headcount), units whose pool inputs had not arrived listed, slips readable
 * only within the operator's scope (404 and audited outside), totals per unit, bank file, and one
 * `cwp.payroll.pay.slip-paid.v1` event per slip through the outbox.
 */
import { readXlsxRows, testing } from '@cwp/platform';
import { CITY, principalOf, startPayrollTestApp, type PayrollTestApp } from '../testing';
import { baseYearFen } from './rules/monthly-split';
import { UNIT_TOTALS_HEADERS, unitTotalsCells } from './unit-totals-export';

jest.setTimeout(90_000);

let app: PayrollTestApp;
const A = 'pr-a'; // 310101002001, excellent in 2026
const B = 'pr-b'; // 310104003001: no quota and no grades reached payroll
const C = 'pr-c'; // 310101002001, unqualified in 2026: weight 0 in 2027-proposal
const D = 'pr-d'; // 310101002001, no grade of 2026 published
const E = 'pr-e'; // 310101002001, qualified in 2026, hired in July 2027: the headcount rises in Q3
const AREA_A = '310101002001';
const QUOTA_A = 3;
// 2027-proposal: target 1.2 × the 2026 wage (14,400,000 fen) × 30% share = 5,184,000 fen a place.
const POOL_A = QUOTA_A * 5_184_000;
const QUARTER_A = POOL_A / 4;

beforeAll(async () => {
  app = await startPayrollTestApp({ schemaPrefix: 'payroll_runs_it' });
  await app.ds.query(
    `INSERT INTO pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on, annual_pay_fen, pay_year) VALUES
       ($1, '310101002001', 'on-duty', 'recruited', 'staff', 4, '2016-09-01', 17280011, 2027),
       ($2, '310104003001', 'on-duty', 'recruited', 'manager', 7, '2010-03-01', NULL, NULL),
       ($3, '310101002001', 'on-duty', 'recruited', 'staff', 2, '2020-03-01', NULL, NULL),
       ($4, '310101002001', 'on-duty', 'recruited', 'staff', 1, '2023-03-01', NULL, NULL),
       ($5, '310101002001', 'on-duty', 'recruited', 'staff', 1, '2027-07-15', NULL, NULL),
       ('pr-gone', '310104003001', 'exited', 'recruited', 'staff', 1, '2019-03-01', NULL, NULL)`,
    [A, B, C, D, E],
  );
  // The pool's inputs as the inbox writes them (performance/ specs cover the events themselves).
  await app.ds.query(
    `INSERT INTO unit_quotas (unit_code, kind, quota, review_year, effective_from) VALUES ($1, 'area', $2, 2026, '2027-01-01')`,
    [AREA_A, QUOTA_A],
  );
  await app.ds.query(
    `INSERT INTO appraisal_grades (worker_id, year, unit_code, grade, source, source_event_id) VALUES
       ($1, 2026, $4, 'excellent', 'published', gen_random_uuid()),
       ($2, 2026, $4, 'unqualified', 'published', gen_random_uuid()),
       ($3, 2026, $4, 'qualified', 'published', gen_random_uuid())`,
    [A, C, E, AREA_A],
  );
  expect((await app.call('POST', '/api/payroll/wages', { principal: CITY, body: { year: 2026, annualFen: 14_400_000 } })).status).toBe(201);
  for (let m = 1; m <= 12; m++) {
    const res = await app.call('POST', '/api/payroll/pay-runs', {
      principal: CITY,
      body: { period: `2027-${String(m).padStart(2, '0')}` },
    });
    expect(res.status).toBe(201);
  }
}, 240_000);

afterAll(() => app?.close());

describe('monthly pay run (PAY-2, PAY-5, PAY-6)', () => {
  it('PAY-2: twelve slips pay exactly the base part of the recalibrated yearly pay; exited workers get none', async () => {
    const slips = (await app.ds.query('SELECT base_fen::float8 AS base FROM pay_slips WHERE worker_id = $1 ORDER BY period', [
      A,
    ])) as Array<{
      base: number;
    }>;
    expect(slips).toHaveLength(12);
    // 2027-proposal: 30% performance share in 2027; the rest is base pay.
    expect(slips.reduce((a, s) => a + s.base, 0)).toBe(baseYearFen(17_280_011, 0.3));
    const exited = (await app.ds.query("SELECT count(*)::int AS n FROM pay_slips WHERE worker_id = 'pr-gone'")) as Array<{ n: number }>;
    expect(exited[0]!.n).toBe(0);
  });

  it('PAY-6: the unit pool pays a quarter of its quota-bound total each quarter, whatever the headcount, shared by grade', async () => {
    const pools = (await app.ds.query(
      `SELECT p.period, p.status, p.pool_fen::float8 AS pool, p.instalment_fen::float8 AS inst, p.instalment,
              (SELECT sum(share_fen)::float8 FROM pay_pool_lines l WHERE l.period = p.period AND l.unit_code = p.unit_code) AS paid
         FROM pay_pools p WHERE p.unit_code = $1 ORDER BY p.period`,
      [AREA_A],
    )) as Array<{ period: string; status: string; pool: number; inst: number; instalment: number; paid: number }>;
    expect(pools.map((p) => p.period)).toEqual(['2027-03', '2027-06', '2027-09', '2027-12']);
    for (const [i, p] of pools.entries()) {
      expect(p).toMatchObject({ status: 'paid', pool: POOL_A, inst: QUARTER_A, instalment: i + 1, paid: QUARTER_A });
    }
    const perf = (await app.ds.query(
      `SELECT worker_id AS "workerId", period, performance_fen::float8 AS perf FROM pay_slips
        WHERE unit_code = $1 AND performance_fen > 0 ORDER BY period, worker_id`,
      [AREA_A],
    )) as Array<{ workerId: string; period: string; perf: number }>;
    // Q1, Q2: A is the only member with a positive weight (C unqualified, D ungraded) and takes it all.
    expect(perf.filter((p) => p.period <= '2027-06')).toEqual([
      { workerId: A, period: '2027-03', perf: QUARTER_A },
      { workerId: A, period: '2027-06', perf: QUARTER_A },
    ]);
    // Q3: E joins; the instalment stays, A's share falls: 1.2 : 1 of it, one remainder fen to E.
    const q3 = perf.filter((p) => p.period === '2027-09');
    expect(q3).toEqual([
      { workerId: A, period: '2027-09', perf: Math.floor((QUARTER_A * 1.2) / 2.2) },
      { workerId: E, period: '2027-09', perf: QUARTER_A - Math.floor((QUARTER_A * 1.2) / 2.2) },
    ]);
  });

  it('PAY-6: the slip shows base, the pool share with grade and instalment, and explains each by rule', async () => {
    const slip = (await app.call('GET', `/api/payroll/pay-runs/2027-09/slips/${A}`, { principal: CITY })).body;
    expect(slip.performance).toEqual({
      poolUnitCode: AREA_A,
      grade: 'excellent',
      appraisalYear: 2026,
      instalment: 3,
      instalments: 4,
      quota: QUOTA_A,
      headcount: 4,
      poolFen: POOL_A,
      instalmentFen: QUARTER_A,
      shareFen: slip.performanceFen,
    });
    expect(slip.totalFen).toBe(slip.baseFen + slip.performanceFen + slip.arrearsFen);
    expect(slip.explanation.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['PAY-2', 'PAY-3', 'PAY-5', 'PAY-6']));
    const says = slip.explanation.steps.map((s: { say: string }) => s.say).join('\n');
    expect(says).toContain(`Pool bound to the quota: ${QUOTA_A} × 5184000 = ${POOL_A} fen`);
    expect(says).toContain(`grade excellent of 2026: ${slip.performanceFen} fen`);

    const unqualified = (await app.call('GET', `/api/payroll/pay-runs/2027-09/slips/${C}`, { principal: CITY })).body;
    expect(unqualified).toMatchObject({ performanceFen: 0, performance: { grade: 'unqualified', shareFen: 0 } });
    const ungraded = (await app.call('GET', `/api/payroll/pay-runs/2027-09/slips/${D}`, { principal: CITY })).body;
    expect(ungraded).toMatchObject({ performanceFen: 0, performance: { grade: null, shareFen: 0 } });
    expect(ungraded.explanation.steps.map((s: { say: string }) => s.say)).toContain(
      `This worker's share of unit ${AREA_A}'s ${QUARTER_A} fen: no grade of 2026 published yet, so no share: 0 fen`,
    );
    const april = (await app.call('GET', `/api/payroll/pay-runs/2027-04/slips/${A}`, { principal: CITY })).body;
    expect(april).toMatchObject({ performanceFen: 0, performance: null });
  });

  it('PAY-6: a unit whose quota and grades have not arrived pays no line and is listed on the run, never an error', async () => {
    const run = (await app.call('GET', '/api/payroll/pay-runs/2027-03', { principal: CITY })).body;
    expect(run.pools).toEqual({
      instalment: 1,
      instalments: 4,
      appraisalYear: 2026,
      referenceWageYear: 2026,
      unitsPaid: 1,
      unitsMissing: 1,
      paidFen: QUARTER_A,
      missing: [{ unitCode: '310104003001', missing: ['quota', 'grades'] }],
    });
    expect(run.performanceTotalFen).toBe(QUARTER_A);
    expect((await app.call('GET', '/api/payroll/pay-runs/2027-04', { principal: CITY })).body.pools).toBeNull();
    const missing = await app.call('GET', '/api/payroll/pay-runs/2027-03/pools?status=inputs-missing', { principal: CITY });
    expect(missing.body.map((p: { unitCode: string }) => p.unitCode)).toEqual(['310104003001']);
    const scoped = await app.call('GET', '/api/payroll/pay-runs/2027-03/pools', { principal: principalOf('district', '310101') });
    expect(scoped.body).toEqual([
      expect.objectContaining({ unitCode: AREA_A, status: 'paid', gradeCounts: { excellent: 1, unqualified: 1 }, ungraded: 1 }),
    ]);
    expect((await app.call('GET', '/api/payroll/pay-runs/2027-03/pools?status=late', { principal: CITY })).status).toBe(400);
    const slipB = (await app.call('GET', `/api/payroll/pay-runs/2027-03/slips/${B}`, { principal: CITY })).body;
    expect(slipB).toMatchObject({ performanceFen: 0, performance: null });
    expect(slipB.explanation.steps.map((s: { say: string }) => s.say)).toContain(
      'No performance line: the pool of unit 310104003001 lacked quota, grades when it fell due',
    );
  });

  it('HR systems: every slip is one cwp.payroll.pay.slip-paid.v1 event with base, the pool share and arrears that add up', async () => {
    const events = (await app.ds.query(
      `SELECT envelope->'data' AS data FROM outbox WHERE event_type = 'cwp.payroll.pay.slip-paid.v1' AND message_key = $1
        ORDER BY envelope->'data'->>'period'`,
      [A],
    )) as Array<{ data: Record<string, unknown> }>;
    expect(events).toHaveLength(12);
    const september = events.find((e) => e.data.period === '2027-09')!.data;
    const slip = (await app.call('GET', `/api/payroll/pay-runs/2027-09/slips/${A}`, { principal: CITY })).body;
    expect(september).toEqual({
      workerId: A,
      unitCode: AREA_A,
      period: '2027-09',
      policyVersion: '2027-proposal',
      annualFen: 17_280_011,
      baseFen: slip.baseFen,
      performanceFen: slip.performanceFen,
      arrearsFen: 0,
      totalFen: slip.totalFen,
      performance: {
        poolUnitCode: AREA_A,
        grade: 'excellent',
        appraisalYear: 2026,
        instalment: 3,
        instalments: 4,
        shareFen: slip.performanceFen,
      },
      rules: ['PAY-2', 'PAY-3', 'PAY-5', 'PAY-6'],
    });
    const [all] = (await app.ds.query(
      "SELECT count(*)::int AS n FROM outbox WHERE event_type = 'cwp.payroll.pay.slip-paid.v1' AND envelope->'data'->>'period' = '2027-09'",
    )) as Array<{ n: number }>;
    expect(all!.n).toBe(5);
  });

  it('a second run of a month changes nothing', async () => {
    const before = (await app.call('GET', '/api/payroll/pay-runs/2027-03', { principal: CITY })).body;
    const again = await app.call('POST', '/api/payroll/pay-runs', { principal: CITY, body: { period: '2027-03' } });
    expect(again.body).toEqual(before);
    expect(before).toMatchObject({ workers: 4, policyVersion: '2027-proposal' });
    expect((await app.call('POST', '/api/payroll/pay-runs', { principal: CITY, body: { period: '2027-13' } })).status).toBe(400);
    expect(
      (await app.call('POST', '/api/payroll/pay-runs', { principal: principalOf('district', '310101'), body: { period: '2027-04' } }))
        .status,
    ).toBe(403);
  });

  it('ORG-2: a slip is readable by the worker’s operators in scope only (404 elsewhere, audited), with its explanation', async () => {
    const street = principalOf('street', '310101002');
    const slip = await app.call('GET', `/api/payroll/pay-runs/2027-03/slips/${A}`, { principal: street });
    expect(slip.status).toBe(200);
    expect(slip.body.totalFen).toBe(slip.body.baseFen + slip.body.performanceFen);
    expect(slip.body.explanation.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['PAY-2', 'PAY-3', 'PAY-5']));
    expect(
      (await app.call('GET', `/api/payroll/pay-runs/2027-03/slips/${A}`, { principal: principalOf('district', '310101') })).status,
    ).toBe(200);
    const other = principalOf('street', '310104003');
    expect((await app.call('GET', `/api/payroll/pay-runs/2027-03/slips/${A}`, { principal: other })).status).toBe(404);
    const [denied] = (await app.ds.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'denied' AND subject = $1 AND entity_id = $2",
      [other.sub, A],
    )) as Array<{ n: number }>;
    expect(denied!.n).toBe(1);
  });

  it('totals per unit within scope add up to the run, and the bank file pays each worker the slip total', async () => {
    const run = (await app.call('GET', '/api/payroll/pay-runs/2027-06', { principal: CITY })).body;
    const districts = (await app.call('GET', '/api/payroll/pay-runs/2027-06/units?level=district', { principal: CITY })).body as Array<{
      unitCode: string;
      totalFen: number;
    }>;
    expect(districts.map((d) => d.unitCode)).toEqual(['310101', '310104']);
    expect(districts.reduce((a, d) => a + d.totalFen, 0)).toBe(run.baseTotalFen + run.performanceTotalFen);
    const scoped = (
      await app.call('GET', '/api/payroll/pay-runs/2027-06/units?level=area', { principal: principalOf('district', '310104') })
    ).body as Array<{ unitCode: string }>;
    expect(scoped.map((u) => u.unitCode)).toEqual(['310104003001']);
    const bank = await app.call('GET', '/api/payroll/pay-runs/2027-06/bank.csv', { principal: CITY });
    expect(bank.status).toBe(200);
    const lines = (bank.body as string).trim().split('\r\n');
    expect(lines[0]).toContain('金额(元)');
    const slipA = (await app.call('GET', `/api/payroll/pay-runs/2027-06/slips/${A}`, { principal: CITY })).body;
    expect(lines).toContain(`${A},310101002001,2027-06,${(slipA.totalFen / 100).toFixed(2)}`);
    expect(lines).toHaveLength(5); // header + A, B, C, D (E is hired in July)
    expect((await app.call('GET', '/api/payroll/pay-runs/2027-06/bank.csv', { principal: principalOf('district', '310101') })).status).toBe(
      403,
    );
  });

  it('PAY-2: the pay register is a CSV with Chinese headers streamed within the caller’s scope; its lines add up to the run', async () => {
    const city = await app.call('GET', '/api/payroll/pay-runs/2027-03/register.csv', { principal: CITY });
    expect(city.status).toBe(200);
    // fetch's text() drops the UTF-8 byte-order mark the file starts with.
    const text = (city.body as string).replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split('\n');
    expect(header).toBe('工号,单位代码,区,街道,期间,年度薪酬（元）,基本工资（元）,绩效工资（元）,补发（元）,本月合计（元）');
    expect(lines.map((l) => l.split(',')[0])).toEqual([A, B, C, D]);
    const run = (await app.call('GET', '/api/payroll/pay-runs/2027-03', { principal: CITY })).body;
    const totalFen = lines.reduce((sum, l) => sum + Math.round(Number(l.split(',')[9]) * 100), 0);
    expect(totalFen).toBe(run.baseTotalFen + run.performanceTotalFen);
    const district = await app.call('GET', '/api/payroll/pay-runs/2027-03/register.csv', { principal: principalOf('district', '310101') });
    expect(
      (district.body as string)
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual([A, C, D]);
    expect((await app.call('GET', '/api/payroll/pay-runs/2031-01/register.csv', { principal: CITY })).status).toBe(404);
  });

  it('PAY-2: the same register as XLSX (platform writer): Chinese headers, yuan as numbers, the caller’s scope, adding up to the run', async () => {
    const city = await app.call('GET', '/api/payroll/pay-runs/2027-03/register.xlsx', { principal: CITY });
    expect(city.status).toBe(200);
    const [header, ...rows] = readXlsxRows(city.body as Buffer, { field: 'register' });
    expect(header!.cells).toEqual([
      '工号',
      '单位代码',
      '区',
      '街道',
      '期间',
      '年度薪酬（元）',
      '基本工资（元）',
      '绩效工资（元）',
      '补发（元）',
      '本月合计（元）',
    ]);
    expect(rows.map((r) => r.cells[0])).toEqual([A, B, C, D]);
    const run = (await app.call('GET', '/api/payroll/pay-runs/2027-03', { principal: CITY })).body;
    expect(rows.reduce((sum, r) => sum + Math.round(Number(r.cells[9]) * 100), 0)).toBe(run.baseTotalFen + run.performanceTotalFen);
    const district = await app.call('GET', '/api/payroll/pay-runs/2027-03/register.xlsx', { principal: principalOf('district', '310101') });
    expect(
      readXlsxRows(district.body as Buffer, { field: 'register' })
        .slice(1)
        .map((r) => r.cells[0]),
    ).toEqual([A, C, D]);
    expect((await app.call('GET', '/api/payroll/pay-runs/2031-01/register.xlsx', { principal: CITY })).status).toBe(404);
  });

  it('issue 14: the unit totals as XLSX (opened with the platform reader) and CSV hold the JSON totals, Chinese headers, yuan', async () => {
    const json = (await app.call('GET', '/api/payroll/pay-runs/2027-06/units?level=district', { principal: CITY })).body as Array<{
      unitCode: string;
      workers: number;
      baseFen: number;
      performanceFen: number;
      arrearsFen: number;
      totalFen: number;
    }>;
    expect(json.map((u) => u.unitCode)).toEqual(['310101', '310104']);
    const xlsx = await app.call('GET', '/api/payroll/pay-runs/2027-06/units/export?level=district&format=xlsx', { principal: CITY });
    expect(xlsx.status).toBe(200);
    const [header, ...lines] = readXlsxRows(xlsx.body as Buffer, { field: 'file' });
    expect(header!.cells).toEqual([...UNIT_TOTALS_HEADERS]);
    expect(lines.map((l) => l.cells)).toEqual(unitTotalsCells('2027-06', 'district', json).map((cells) => cells.map(String)));
    // Each figure back in fen equals the API's: the file rounds nothing away.
    lines.forEach((line, i) => {
      const u = json[i]!;
      expect(line.cells.slice(0, 4)).toEqual(['区', u.unitCode, '2027-06', String(u.workers)]);
      const fen = line.cells.slice(4).map((c) => Math.round(Number(c) * 100));
      expect(fen).toEqual([u.baseFen, u.performanceFen, u.arrearsFen, u.totalFen]);
    });
    const csv = await app.call('GET', '/api/payroll/pay-runs/2027-06/units/export?level=district&format=csv', { principal: CITY });
    expect(csv.status).toBe(200);
    expect(testing.csvFileLines(csv.body as string)).toEqual([UNIT_TOTALS_HEADERS.join(','), ...lines.map((l) => l.cells.join(','))]);
  });

  it('issue 14: the totals file keeps the caller’s scope; an unknown run is 404 (the JSON totals too); a bad format or level is 400 naming it', async () => {
    const scoped = await app.call('GET', '/api/payroll/pay-runs/2027-06/units/export?level=area&format=xlsx', {
      principal: principalOf('district', '310104'),
    });
    expect(readXlsxRows(scoped.body as Buffer, { field: 'file' }).map((r) => r.cells[1])).toEqual(['单位代码', '310104003001']);
    expect((await app.call('GET', '/api/payroll/pay-runs/2031-01/units/export', { principal: CITY })).status).toBe(404);
    expect((await app.call('GET', '/api/payroll/pay-runs/2031-01/units', { principal: CITY })).status).toBe(404);
    for (const [query, field] of [
      ['format=pdf', 'format'],
      ['level=city', 'level'],
    ]) {
      const res = await app.call('GET', `/api/payroll/pay-runs/2027-06/units/export?${query}`, { principal: CITY });
      expect(res).toMatchObject({ status: 400, body: { field } });
    }
  });

  it('PAY-3: a yearly pay changed after months were paid is settled as arrears lines on the next slip, once, with the explanation', async () => {
    await app.ds.query(
      `INSERT INTO pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on, annual_pay_fen, pay_year)
       VALUES ('pr-arrears', '310101002001', 'on-duty', 'recruited', 'staff', 4, '2015-09-01', 12000000, 2026)`,
    );
    const runMonth = async (m: number): Promise<void> => {
      const res = await app.call('POST', '/api/payroll/pay-runs', {
        principal: CITY,
        body: { period: `2026-${String(m).padStart(2, '0')}` },
      });
      expect(res.status).toBe(201);
    };
    for (const m of [1, 2, 3]) await runMonth(m);
    // The 2026 recalibration is applied in April, back-dated to January (what the apply step writes).
    await app.ds.query("UPDATE pay_workers SET annual_pay_fen = 13200000 WHERE worker_id = 'pr-arrears'");
    for (let m = 4; m <= 12; m++) await runMonth(m);

    const april = (await app.call('GET', '/api/payroll/pay-runs/2026-04/slips/pr-arrears', { principal: CITY })).body;
    expect(april.arrears.map((l: { forPeriod: string }) => l.forPeriod)).toEqual(['2026-01', '2026-02', '2026-03']);
    for (const line of april.arrears) {
      expect(line).toMatchObject({ paidAnnualFen: 12_000_000, dueAnnualFen: 13_200_000, arrearsFen: line.dueFen - line.paidFen });
      expect(line.arrearsFen).toBeGreaterThan(0);
    }
    expect(april.arrearsFen).toBe(april.arrears.reduce((a: number, l: { arrearsFen: number }) => a + l.arrearsFen, 0));
    expect(april.totalFen).toBe(april.baseFen + april.performanceFen + april.arrearsFen);
    const explained = april.explanation.steps.filter((s: { say: string }) => s.say.startsWith('Arrears for'));
    expect(explained).toHaveLength(3);
    const run = (await app.call('GET', '/api/payroll/pay-runs/2026-04', { principal: CITY })).body;
    expect(run.arrearsTotalFen).toBe(april.arrearsFen);

    // Settled once: no later slip repeats them, and the year adds up to the new yearly pay exactly.
    const [later] = (await app.ds.query(
      "SELECT count(*)::int AS n FROM pay_arrears WHERE worker_id = 'pr-arrears' AND period > '2026-04'",
    )) as Array<{ n: number }>;
    expect(later!.n).toBe(0);
    // 2016-current: 20% performance share, paid from the unit pool (PAY-6), so the base part settles.
    const [year] = (await app.ds.query(
      "SELECT sum(base_fen + arrears_fen)::float8 AS paid FROM pay_slips WHERE worker_id = 'pr-arrears' AND period LIKE '2026-%'",
    )) as Array<{ paid: number }>;
    expect(year!.paid).toBe(baseYearFen(13_200_000, 0.2));
  });
});
