/**
 * `GET /units/:code/report/export` (issue 14): the QUOTA-6 staffing report as XLSX or CSV with
 * Chinese headers, on the real platform HTTP wiring and PostgreSQL over a small generated roster.
 * The XLSX is opened with the platform reader and every figure compared with the JSON report's.
 */
import { CITY_CODE, OrgUnitDirectory, readXlsxRows, type Principal } from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import { generateWorkforce } from '@cwp/synthetic';
import { loadReferenceData } from '../reference-data';
import { ORG_TREE_FILE, principalOf, startWorkforceHttpApp, type WorkforceHttpApp } from '../testing';
import { loadSyntheticWorkers, workerRow } from '../workers';
import { STAFFING_REPORT_HEADERS, staffingReportCells } from './report-export';
import { ReportsModule } from './reports.module';

jest.setTimeout(120_000);

let http: WorkforceHttpApp;
const PERIOD = 'from=2025-07-01&to=2026-06-30';
const LOAD = { exitedShare: 0.1, asOf: '2026-07-01' };
/** The district of the first generated worker (so the report has people), and another district. */
let DISTRICT_A: string;
let DISTRICT_B: string;
let district: Principal;
let REPORT: string;

beforeAll(async () => {
  http = await startWorkforceHttpApp('wf_report_export_it', [ReportsModule]);
  await loadReferenceData(http.ds, ORG_TREE_FILE, defaultPolicyCatalog(), 5);
  const units = OrgUnitDirectory.fromFile(ORG_TREE_FILE).unitsWithin(CITY_CODE);
  const generated = [...generateWorkforce({ seed: 7, size: 1500, units })];
  await loadSyntheticWorkers(http.ds, generated, { ...LOAD, batchSize: 500 });
  DISTRICT_A = (workerRow(generated[0]!, LOAD)[1] as string).slice(0, 6);
  DISTRICT_B = units.find((u) => u.code.length === 6 && u.code !== DISTRICT_A)!.code;
  district = principalOf('district', DISTRICT_A);
  REPORT = `/api/workforce/units/${DISTRICT_A}/report`;
}, 120_000);
afterAll(async () => {
  await http?.close();
});

async function download(query: string, principal: Principal = district): Promise<Response> {
  return fetch(`${http.base}${REPORT}/export?${query}`, { headers: { authorization: `Bearer ${await http.token(principal)}` } });
}

/** A cell as the file holds it: numbers and text as text, empty for none. */
const asRead = (value: string | number | null): string => (value === null ? '' : String(value));

describe('GET /units/:code/report/export', () => {
  it('XLSX: Chinese headers, the total and each region kind, every figure as the JSON report has it', async () => {
    const json = await http.call('GET', `${REPORT}?${PERIOD}`, { principal: district });
    expect(json.status).toBe(200);
    expect(json.body.total.headcount).toBeGreaterThan(0);
    const res = await download(`${PERIOD}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(`filename="staffing-report-${DISTRICT_A}-2025-07-01-2026-06-30.xlsx"`);
    const [header, ...lines] = readXlsxRows(Buffer.from(await res.arrayBuffer()), { field: 'file' });
    expect(header!.cells).toEqual([...STAFFING_REPORT_HEADERS]);
    const expected = staffingReportCells(json.body).map((cells) => cells.map(asRead));
    expect(lines.map((l) => STAFFING_REPORT_HEADERS.map((_, i) => l.cells[i] ?? ''))).toEqual(expected);
    expect(lines[0]!.cells.slice(0, 2)).toEqual(['合计', DISTRICT_A]);
    const headcount = STAFFING_REPORT_HEADERS.indexOf('实有人数');
    expect(Number(lines[0]!.cells[headcount])).toBe(json.body.total.headcount);
    expect(lines.length).toBe(1 + Object.keys(json.body.byRegion).length);
  });

  it('CSV: a BOM and the same header line', async () => {
    const res = await download(`${PERIOD}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, total] = text.slice(1).split('\r\n');
    expect(header).toBe(STAFFING_REPORT_HEADERS.join(','));
    expect(total!.startsWith(`合计,${DISTRICT_A},2025-07-01,2026-06-30,`)).toBe(true);
  });

  it('out of scope is 404 as for the JSON report; a bad format or date is 400 naming the field', async () => {
    const outside = await download(`${PERIOD}&format=xlsx`, principalOf('district', DISTRICT_B));
    expect(outside.status).toBe(404);
    const json = await http.call('GET', `${REPORT}?${PERIOD}`, { principal: principalOf('district', DISTRICT_B) });
    expect(json.status).toBe(404);
    const format = await download('format=pdf');
    expect(format.status).toBe(400);
    expect(await format.text()).toContain('format');
    const early = await download('to=1996-03-03');
    expect(early.status).toBe(400);
    expect(await early.text()).toContain('"to"');
  });
});
