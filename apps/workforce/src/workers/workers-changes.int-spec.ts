/**
 * `GET /workers/changes` (issue 14 bootstrap): an integrator walks the roster in (updatedAt, id)
 * order with an opaque cursor, on the real platform HTTP wiring and PostgreSQL. A worker changed
 * during the walk comes again later with its new state; nothing is skipped, not even a change
 * whose transaction was still open when the walk went by.
 */
import { testing } from '@cwp/platform';
import { DISTRICT_B, STREET_A1, newHire, principalOf } from './testing/workers-int-context';
import { startWorkersHttpApp, type WorkersHttpApp } from './testing/workers-http-app';

jest.setTimeout(60_000);

let http: WorkersHttpApp;
const API = '/api/workforce/workers';
const street = principalOf('street', STREET_A1);

interface Seen {
  id: string;
  version: number;
}

beforeAll(async () => {
  http = await startWorkersHttpApp('wf_changes_it');
});
afterAll(async () => {
  await http?.close();
});

async function hire(): Promise<string> {
  const res = await http.call('POST', API, { principal: street, body: newHire() });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** Pages from `cursor` (or the query) until a page says there is no more; every item seen, and the last cursor. */
async function walk(first: string, limit = 2): Promise<{ items: Seen[]; cursor: string }> {
  const items: Seen[] = [];
  let query = first;
  for (;;) {
    const res = await http.call('GET', `${API}/changes?${query}&limit=${limit}`, { principal: street });
    expect(res.status).toBe(200);
    items.push(...(res.body.items as Seen[]).map((w) => ({ id: w.id, version: w.version })));
    query = `cursor=${res.body.nextCursor}`;
    if (!res.body.hasMore) return { items, cursor: res.body.nextCursor as string };
  }
}

describe('GET /workers/changes: keyset walk in (updatedAt, id) order', () => {
  it('walks every worker of the scope once, in pages, and the last cursor finds nothing new', async () => {
    const ids = [await hire(), await hire(), await hire(), await hire(), await hire()];
    // Rows become walkable a second after the oldest open transaction began: wait for all five.
    const { items, cursor } = await testing.eventually(async () => {
      const result = await walk('updatedSince=1970-01-01T00:00:00Z');
      return ids.every((id) => result.items.some((w) => w.id === id)) ? result : undefined;
    });
    const mine = items.filter((w) => ids.includes(w.id)).map((w) => w.id);
    expect(mine).toEqual(ids); // hired one after the other: updatedAt order is hire order
    expect(new Set(items.map((w) => w.id)).size).toBe(items.length);
    const again = await http.call('GET', `${API}/changes?cursor=${cursor}`, { principal: street });
    expect(again.body).toMatchObject({ items: [], nextCursor: cursor, hasMore: false });
  });

  it('a worker changed during the walk comes again later with its new version; none is skipped', async () => {
    const ids = [await hire(), await hire(), await hire(), await hire()];
    const [row] = (await http.ds.query(
      `SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at FROM workers WHERE id = $1`,
      [ids[0]],
    )) as Array<{ at: string }>;
    const since = `updatedSince=${row!.at}`;
    const firstPage = await testing.eventually(async () => {
      const res = await http.call('GET', `${API}/changes?${since}&limit=2`, { principal: street });
      return res.body.items.length === 2 ? res.body : undefined;
    });
    expect(firstPage.items.map((w: Seen) => w.id)).toEqual(ids.slice(0, 2));
    // Change one worker already seen and one not yet reached.
    for (const id of [ids[0]!, ids[3]!])
      expect((await http.call('PATCH', `${API}/${id}`, { principal: street, body: { version: 1, postLevel: 7 } })).status).toBe(200);
    const rest = await testing.eventually(async () => {
      const result = await walk(`cursor=${firstPage.nextCursor}`);
      return result.items.filter((w) => w.version === 2).length === 2 ? result : undefined;
    });
    // ids[3] was changed before the walk reached it: it comes once, in its latest state.
    expect(rest.items).toEqual([
      { id: ids[2], version: 1 },
      { id: ids[0], version: 2 },
      { id: ids[3], version: 2 },
    ]);
  });

  it('does not walk past a change whose transaction is still open', async () => {
    const before = await hire();
    const start = await testing.eventually(async () => {
      const result = await walk('updatedSince=1970-01-01T00:00:00Z', 200);
      return result.items.some((w) => w.id === before) ? result : undefined;
    });
    // A change begins (its updated_at taken now) and is not committed yet; a later hire commits.
    const runner = http.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query('UPDATE workers SET post_level = 9, version = version + 1, updated_at = now() WHERE id = $1', [before]);
    try {
      const later = await hire();
      // Without the open change, the later hire would be walkable a second after its commit: wait for that moment.
      await testing.eventually(async () => {
        const [clock] = (await http.ds.query(
          "SELECT statement_timestamp() > updated_at + interval '1.2 seconds' AS due FROM workers WHERE id = $1",
          [later],
        )) as Array<{ due: boolean }>;
        return clock!.due ? true : undefined;
      });
      const during = await walk(`cursor=${start.cursor}`, 200);
      expect(during.items.map((w) => w.id)).not.toContain(later);
      await runner.commitTransaction();
      const after = await testing.eventually(async () => {
        const result = await walk(`cursor=${during.cursor}`, 200);
        return result.items.some((w) => w.id === later) ? result : undefined;
      });
      expect(after.items.filter((w) => w.id === before || w.id === later)).toEqual([
        { id: before, version: 2 },
        { id: later, version: 1 },
      ]);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('answers only the caller scope', async () => {
    const id = await hire();
    await testing.eventually(async () =>
      (await walk('updatedSince=1970-01-01T00:00:00Z', 200)).items.some((w) => w.id === id) ? true : undefined,
    );
    const other = await http.call('GET', `${API}/changes?limit=2000`, { principal: principalOf('district', DISTRICT_B) });
    expect(other.status).toBe(200);
    expect(other.body.items.map((w: Seen) => w.id)).not.toContain(id);
  });

  it('a tampered cursor or an instant without zone is 400 naming the field', async () => {
    const cursor = await http.call('GET', `${API}/changes?cursor=${Buffer.from('["x","y"]').toString('base64url')}`, { principal: street });
    expect(cursor.status).toBe(400);
    expect(cursor.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });
    const since = await http.call('GET', `${API}/changes?updatedSince=2026-01-01T00:00:00`, { principal: street });
    expect(since.status).toBe(400);
    expect(JSON.stringify(since.body)).toContain('updatedSince');
    const limit = await http.call('GET', `${API}/changes?limit=5000`, { principal: street });
    expect(limit.status).toBe(400);
  });
});
