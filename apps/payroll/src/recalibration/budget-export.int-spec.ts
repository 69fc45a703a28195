/**
 * The PAY-8 budget exported as XLSX and CSV (issue 14) over HTTP on real PostgreSQL: the file holds
 * the JSON budget's lines (same scope, same figures; yuan in the file, each back in fen equal to the
 * API's), a district sees its own streets only, a bad format or level is 400 naming the field.
 */
import { readXlsxRows, testing } from '@cwp/platform';
import { CITY, principalOf, startPayrollTestApp, type PayrollTestApp } from '../testing';
import { BUDGET_HEADERS, budgetCells } from './budget-export';

jest.setTimeout(90_000);

let app: PayrollTestApp;
const YEAR = 2027;

beforeAll(async () => {
  app = await startPayrollTestApp({ schemaPrefix: 'payroll_budget_it' });
  // The preview's lines as the recalibration writes them (recalibration.wf-spec covers their computation).
  await app.ds.query(
    `INSERT INTO recalibration_lines (pay_year, worker_id, unit_code, group_no, previous_fen, new_fen) VALUES
       ($1, 'b-1', '310101002001', 1, 12000000, 13200055),
       ($1, 'b-2', '310101002001', 1, 12000000, 13200055),
       ($1, 'b-3', '310101003001', 2, 15000001, 14999999),
       ($1, 'b-4', '310104003001', 3, 9000000, 10800000),
       ($1 - 1, 'b-old', '310104003001', 3, 1, 2)`,
    [YEAR],
  );
});

afterAll(async () => {
  await app?.close();
});

it('PAY-8, issue 14: the budget file holds the JSON budget, Chinese headers, yuan that convert back to the same fen', async () => {
  for (const level of ['district', 'street'] as const) {
    const json = (await app.call('GET', `/api/payroll/recalibrations/${YEAR}/budget?level=${level}`, { principal: CITY })).body as Array<{
      unitCode: string;
      workers: number;
      previousTotalFen: number;
      newTotalFen: number;
      deltaFen: number;
    }>;
    expect(json.map((b) => b.unitCode)).toEqual(level === 'district' ? ['310101', '310104'] : ['310101002', '310101003', '310104003']);
    const xlsx = await app.call('GET', `/api/payroll/recalibrations/${YEAR}/budget/export?level=${level}&format=xlsx`, { principal: CITY });
    expect(xlsx.status).toBe(200);
    const [header, ...lines] = readXlsxRows(xlsx.body as Buffer, { field: 'file' });
    expect(header!.cells).toEqual([...BUDGET_HEADERS]);
    expect(lines.map((l) => l.cells)).toEqual(budgetCells(YEAR, level, json).map((cells) => cells.map(String)));
    lines.forEach((line, i) => {
      const b = json[i]!;
      expect(line.cells.slice(0, 4)).toEqual([level === 'district' ? '区' : '街道', b.unitCode, String(YEAR), String(b.workers)]);
      expect(line.cells.slice(4).map((c) => Math.round(Number(c) * 100))).toEqual([b.previousTotalFen, b.newTotalFen, b.deltaFen]);
    });
    const csv = await app.call('GET', `/api/payroll/recalibrations/${YEAR}/budget/export?level=${level}&format=csv`, { principal: CITY });
    expect(csv.status).toBe(200);
    expect(testing.csvFileLines(csv.body as string)).toEqual([BUDGET_HEADERS.join(','), ...lines.map((l) => l.cells.join(','))]);
  }
  // The district of 310101 in figures: 3 workers, 39,000,001 fen before, 41,400,109 after.
  const district = (await app.call('GET', `/api/payroll/recalibrations/${YEAR}/budget`, { principal: CITY })).body[0];
  expect(district).toMatchObject({
    unitCode: '310101',
    workers: 3,
    previousTotalFen: 39_000_001,
    newTotalFen: 41_400_109,
    deltaFen: 2_400_108,
  });
});

it('issue 14: the budget file keeps the caller’s scope; a bad format or level is 400 naming it', async () => {
  const scoped = await app.call('GET', `/api/payroll/recalibrations/${YEAR}/budget/export?level=street&format=xlsx`, {
    principal: principalOf('district', '310104'),
  });
  expect(scoped.status).toBe(200);
  expect(readXlsxRows(scoped.body as Buffer, { field: 'file' }).map((r) => r.cells[1])).toEqual(['单位代码', '310104003']);
  for (const [query, field] of [
    ['format=pdf', 'format'],
    ['level=area', 'level'],
  ]) {
    const res = await app.call('GET', `/api/payroll/recalibrations/${YEAR}/budget/export?${query}`, { principal: CITY });
    expect(res).toMatchObject({ status: 400, body: { field } });
  }
});
