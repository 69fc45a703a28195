/**
 * `GET /workers/export` (issue 14): the roster of the caller's scope as XLSX or CSV with Chinese
 * headers and labels, streamed from a database cursor, on the real platform HTTP wiring and
 * PostgreSQL. The XLSX is opened with the platform reader that belongs to the writer, and its
 * figures compared with the list API's.
 */
import { zhLabelOf } from '@cwp/contracts';
import { readXlsxRows, type Principal } from '@cwp/platform';
import { ROSTER_HEADERS } from './roster-export';
import { AREA_A1_2, DISTRICT_B, STREET_A1, newHire, newNationalId, principalOf } from './testing/workers-int-context';
import { startWorkersHttpApp, type WorkersHttpApp } from './testing/workers-http-app';

jest.setTimeout(60_000);

let http: WorkersHttpApp;
const API = '/api/workforce/workers';
const street = principalOf('street', STREET_A1);
const nationalId = newNationalId('19880203');

beforeAll(async () => {
  http = await startWorkersHttpApp('wf_export_it');
  for (const body of [
    newHire({ nationalId, birthDate: '1988-02-03', gender: 'female', education: 'master' }),
    newHire({ unitCode: AREA_A1_2, title: 'junior' }),
    newHire(),
  ])
    expect((await http.call('POST', API, { principal: street, body })).status).toBe(201);
  const hired = await http.call('POST', API, { principal: street, body: newHire() });
  const exit = await http.call('POST', `${API}/${hired.body.id}/exit`, {
    principal: street,
    body: { cause: 'law', effectiveOn: '2026-05-31', facts: { statutoryCause: '劳动合同法第四十四条' } },
  });
  expect(exit.status).toBe(200);
});
afterAll(async () => {
  await http?.close();
});

async function download(query: string, principal: Principal = street): Promise<Response> {
  return fetch(`${http.base}${API}/export${query}`, { headers: { authorization: `Bearer ${await http.token(principal)}` } });
}

/** The list API's view of the same scope and filters (every page). */
async function listed(query: string): Promise<Array<{ id: string; status: string; postLevel: number }>> {
  const res = await http.call('GET', `${API}?pageSize=200${query}`, { principal: street });
  expect(res.body.total).toBeLessThanOrEqual(200);
  return res.body.items;
}

describe('GET /workers/export', () => {
  it('XLSX: Chinese headers and labels, one line per worker the list API shows, the same figures', async () => {
    const res = await download('');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="roster-310101002-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const [header, ...lines] = readXlsxRows(Buffer.from(await res.arrayBuffer()), { field: 'file' });
    expect(header!.cells).toEqual([...ROSTER_HEADERS]);
    const api = await listed('');
    expect(lines).toHaveLength(api.length);
    const byId = new Map(lines.map((l) => [l.cells[0], l.cells]));
    for (const worker of api) {
      const cells = byId.get(worker.id)!;
      expect(cells[ROSTER_HEADERS.indexOf('岗位等级')]).toBe(String(worker.postLevel));
      expect(cells[ROSTER_HEADERS.indexOf('在岗状态')]).toBe(zhLabelOf('worker-status', worker.status));
    }
    const all = lines.flatMap((l) => l.cells).join('|');
    expect(all).toContain('硕士研究生');
    expect(all).toContain('初级社区工作者');
    expect(all).toContain('女');
    expect(all).not.toContain(nationalId); // masked only
    expect(all).toContain(`${nationalId.slice(0, 4)}**********${nationalId.slice(-4)}`);
  });

  it('CSV with the list filters: a BOM, the Chinese header line, the filtered rows', async () => {
    const res = await download('?format=csv&status=exited');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
    expect(header).toBe(ROSTER_HEADERS.join(','));
    const exited = await listed('&status=exited');
    expect(rows).toHaveLength(exited.length);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain(`,${zhLabelOf('worker-status', 'exited')},`);
  });

  it('answers only the caller scope: another district gets a header only, a unit outside the scope is 404', async () => {
    const res = await download('?format=csv', principalOf('district', DISTRICT_B));
    const text = await res.text();
    expect(text.replace('\uFEFF', '').trimEnd().split('\r\n')).toHaveLength(1);
    expect((await download(`?unit=${DISTRICT_B}`)).status).toBe(404);
  });

  it('an unknown format is 400 naming the field', async () => {
    const res = await download('?format=pdf');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('format');
  });
});
