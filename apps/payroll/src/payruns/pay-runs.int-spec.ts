/**
 * The monthly pay run (PAY-2, PAY-5) over HTTP on real PostgreSQL: one set-based run per month,
 * twelve slips that add up exactly to each worker's yearly pay, quarterly performance pay, slips
 * readable only within the operator's scope (404 and audited outside), totals per unit, bank file.
 */
import { readXlsxRows } from '@cwp/platform';
import { CITY, principalOf, startPayrollTestApp, type PayrollTestApp } from '../testing';
import { UNIT_TOTALS_HEADERS, unitTotalsCells } from './unit-totals-export';

jest.setTimeout(90_000);

let app: PayrollTestApp;
const A = 'pr-a';
const B = 'pr-b';

beforeAll(async () => {
  app = await startPayrollTestApp({ schemaPrefix: 'payroll_runs_it' });
  await app.ds.query(
    `INSERT INTO pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on, annual_pay_fen, pay_year) VALUES
       ($1, '310101002001', 'on-duty', 'recruited', 'staff', 4, '2016-09-01', 17280011, 2027),
       ($2, '310104003001', 'on-duty', 'recruited', 'manager', 7, '2010-03-01', NULL, NULL),
       ('pr-gone', '310104003001', 'exited', 'recruited', 'staff', 1, '2019-03-01', NULL, NULL)`,
    [A, B],
  );
  for (let m = 1; m <= 12; m++) {
    const res = await app.call('POST', '/api/payroll/pay-runs', {
      principal: CITY,
      body: { period: `2027-${String(m).padStart(2, '0')}` },
    });
    expect(res.status).toBe(201);
  }
}, 180_000);

afterAll(() => app?.close());

describe('monthly pay run (PAY-2, PAY-5)', () => {
  it('PAY-5: twelve slips add up exactly to the recalibrated yearly pay; performance pay is quarterly', async () => {
    const slips = (await app.ds.query(
      'SELECT period, base_fen::float8 AS base, performance_fen::float8 AS perf FROM pay_slips WHERE worker_id = $1 ORDER BY period',
      [A],
    )) as Array<{ period: string; base: number; perf: number }>;
    expect(slips).toHaveLength(12);
    expect(slips.reduce((a, s) => a + s.base + s.perf, 0)).toBe(17_280_011);
    expect(slips.filter((s) => s.perf > 0).map((s) => s.period)).toEqual(['2027-03', '2027-06', '2027-09', '2027-12']);
    // 2027-proposal: 30% performance share in 2027.
    expect(slips.reduce((a, s) => a + s.perf, 0)).toBe(17_280_011 - Math.round(17_280_011 * 0.7));
    const exited = (await app.ds.query("SELECT count(*)::int AS n FROM pay_slips WHERE worker_id = 'pr-gone'")) as Array<{ n: number }>;
    expect(exited[0]!.n).toBe(0);
  });

  it('a second run of a month changes nothing', async () => {
    const before = (await app.call('GET', '/api/payroll/pay-runs/2027-03', { principal: CITY })).body;
    const again = await app.call('POST', '/api/payroll/pay-runs', { principal: CITY, body: { period: '2027-03' } });
    expect(again.body).toEqual(before);
    expect(before).toMatchObject({ workers: 2, policyVersion: '2027-proposal' });
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
    expect(lines).toHaveLength(3);
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
    expect(lines.map((l) => l.split(',')[0])).toEqual([A, B].sort());
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
    ).toEqual([A]);
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
    expect(rows.map((r) => r.cells[0])).toEqual([A, B].sort());
    const run = (await app.call('GET', '/api/payroll/pay-runs/2027-03', { principal: CITY })).body;
    expect(rows.reduce((sum, r) => sum + Math.round(Number(r.cells[9]) * 100), 0)).toBe(run.baseTotalFen + run.performanceTotalFen);
    const district = await app.call('GET', '/api/payroll/pay-runs/2027-03/register.xlsx', { principal: principalOf('district', '310101') });
    expect(
      readXlsxRows(district.body as Buffer, { field: 'register' })
        .slice(1)
        .map((r) => r.cells[0]),
    ).toEqual([A]);
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
    // fetch's text() drops the UTF-8 byte-order mark the file starts with.
    expect(
      (csv.body as string)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toEqual([UNIT_TOTALS_HEADERS.join(','), ...lines.map((l) => l.cells.join(','))]);
  });

  it('issue 14: the totals file keeps the caller’s scope; an unknown run is 404; a bad format or level is 400 naming it', async () => {
    const scoped = await app.call('GET', '/api/payroll/pay-runs/2027-06/units/export?level=area&format=xlsx', {
      principal: principalOf('district', '310104'),
    });
    expect(readXlsxRows(scoped.body as Buffer, { field: 'file' }).map((r) => r.cells[1])).toEqual(['单位代码', '310104003001']);
    expect((await app.call('GET', '/api/payroll/pay-runs/2031-01/units/export', { principal: CITY })).status).toBe(404);
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
    const [year] = (await app.ds.query(
      "SELECT sum(base_fen + performance_fen + arrears_fen)::float8 AS paid FROM pay_slips WHERE worker_id = 'pr-arrears' AND period LIKE '2026-%'",
    )) as Array<{ paid: number }>;
    expect(year!.paid).toBe(13_200_000);
  });
});
