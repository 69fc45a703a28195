/**
 * `GET /staffing/changes` (issue 14 bootstrap): an integrator walks unit staffing, keyed by street
 * code (text, not a uuid), in (updatedAt, unitCode) order with an opaque cursor, on the real
 * platform HTTP wiring and PostgreSQL. The rows are written by the publisher's own statement.
 */
import { testing } from '@cwp/platform';
import { principalOf, startWorkforceHttpApp, type WorkforceHttpApp } from '../testing';
import { StaffingChangesModule } from './staffing-changes.controller';
import { RECORD_PUBLISHED_SQL } from './staffing.sql';

jest.setTimeout(60_000);

const DISTRICT_A = '310101';
const STREET_A1 = '310101002';
const STREET_A2 = '310101013';
const DISTRICT_B = '310104';
const STREET_B1 = '310104003';

let http: WorkforceHttpApp;
const API = '/api/workforce/staffing/changes';
const district = principalOf('district', DISTRICT_A);

interface Seen {
  unitCode: string;
  quota: number;
}

beforeAll(async () => {
  http = await startWorkforceHttpApp('wf_staffing_changes_it', [StaffingChangesModule]);
});
afterAll(async () => {
  await http?.close();
});

/** Records streets as published (quota = headcount = `quota`), in one transaction as the publisher does. */
async function publish(
  streets: string[],
  quota: number,
  runner: { query(sql: string, params: unknown[]): Promise<unknown> } = http.ds,
): Promise<void> {
  await runner.query(RECORD_PUBLISHED_SQL, [streets, streets.map(() => quota), streets.map(() => quota), streets.map(() => 0)]);
}

async function walk(first: string, limit = 1): Promise<{ items: Seen[]; cursor: string }> {
  const items: Seen[] = [];
  let query = first;
  for (;;) {
    const res = await http.call('GET', `${API}?${query}&limit=${limit}`, { principal: district });
    expect(res.status).toBe(200);
    items.push(...(res.body.items as Seen[]).map((s) => ({ unitCode: s.unitCode, quota: s.quota })));
    query = `cursor=${res.body.nextCursor}`;
    if (!res.body.hasMore) return { items, cursor: res.body.nextCursor as string };
  }
}

const BEGINNING = 'updatedSince=1970-01-01T00:00:00Z';

describe('GET /staffing/changes: keyset walk keyed by street code', () => {
  it('walks the streets of the scope in (updatedAt, unitCode) order; a street republished comes again; the last cursor finds nothing new', async () => {
    await publish([STREET_A2, STREET_B1, STREET_A1], 10); // one transaction: one instant, so the code breaks the tie
    const first = await testing.eventually(async () => {
      const result = await walk(BEGINNING);
      return result.items.length === 2 ? result : undefined;
    });
    expect(first.items).toEqual([
      { unitCode: STREET_A1, quota: 10 },
      { unitCode: STREET_A2, quota: 10 },
    ]);
    const idle = await http.call('GET', `${API}?cursor=${first.cursor}`, { principal: district });
    expect(idle.body).toMatchObject({ items: [], nextCursor: first.cursor, hasMore: false });

    await publish([STREET_A1], 12);
    const later = await testing.eventually(async () => {
      const result = await walk(`cursor=${first.cursor}`);
      return result.items.length > 0 ? result : undefined;
    });
    expect(later.items).toEqual([{ unitCode: STREET_A1, quota: 12 }]);
    const other = await http.call('GET', `${API}?${BEGINNING}`, { principal: principalOf('district', DISTRICT_B) });
    expect(other.body.items.map((s: Seen) => s.unitCode)).toEqual([STREET_B1]);
  });

  it('does not walk past a publication whose transaction is still open', async () => {
    const start = await walk(BEGINNING, 100);
    const runner = http.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await publish([STREET_A2], 20, runner); // published_at = this transaction's start, not committed yet
      await publish([STREET_A1], 21);
      // Without the open transaction, the committed one would be walkable a second after it: wait for that moment.
      await testing.eventually(async () => {
        const [clock] = (await http.ds.query(
          "SELECT statement_timestamp() > published_at + interval '1.2 seconds' AS due FROM staffing_published WHERE unit_code = $1",
          [STREET_A1],
        )) as Array<{ due: boolean }>;
        return clock!.due ? true : undefined;
      });
      const during = await walk(`cursor=${start.cursor}`, 100);
      expect(during.items).toEqual([]);
      await runner.commitTransaction();
      const after = await testing.eventually(async () => {
        const result = await walk(`cursor=${during.cursor}`, 100);
        return result.items.length === 2 ? result : undefined;
      });
      expect(after.items).toEqual([
        { unitCode: STREET_A2, quota: 20 },
        { unitCode: STREET_A1, quota: 21 },
      ]);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('a tampered cursor is 400 naming cursor; an instant without zone is 400 naming updatedSince', async () => {
    const tampered = await http.call('GET', `${API}?cursor=${Buffer.from('["x","y z"]').toString('base64url')}`, { principal: district });
    expect(tampered.status).toBe(400);
    expect(tampered.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });
    const since = await http.call('GET', `${API}?updatedSince=2026-01-01T00:00:00`, { principal: district });
    expect(since.status).toBe(400);
    expect(JSON.stringify(since.body)).toContain('updatedSince');
  });
});
