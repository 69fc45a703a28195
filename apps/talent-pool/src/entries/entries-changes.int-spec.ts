/**
 * `changedSince` (GET /entries/changes, issue 14 bootstrap) on the real PostgreSQL: the caller's
 * entries in (updatedAt, id) order behind an opaque cursor; an entry that ends during the walk
 * comes again later in its ended state, its personal data erased.
 */
import { KeysetQueryDto, testing } from '@cwp/platform';
import { createEntriesIntContext, streetPrincipal, type EntriesIntContext } from './testing/entries-int-context';
import { newRegistration } from './testing/entry.builders';

jest.setTimeout(60_000);

let ctx: EntriesIntContext;
const street = streetPrincipal('310104003');

beforeAll(async () => {
  ctx = await createEntriesIntContext('tp_changes_it');
});
afterAll(async () => {
  await ctx?.close();
});

function query(fields: Partial<KeysetQueryDto>): KeysetQueryDto {
  return Object.assign(new KeysetQueryDto(), fields);
}

describe('GET /entries/changes', () => {
  it('walks the entries in pages; one ended mid-walk comes again, ended and erased; another scope sees none', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await ctx.entries.register(newRegistration({ holdingUnit: '310104003' }), street)).id);
    const first = await testing.eventually(async () => {
      const page = await ctx.entries.changedSince(query({ limit: 2 }), street);
      return page.items.length === 2 && page.items[0]!.id === ids[0] ? page : undefined;
    });
    expect(first.items.map((e) => e.id)).toEqual(ids.slice(0, 2));
    expect(first.hasMore).toBe(true);
    await ctx.endings.withdraw(ids[0]!, { reason: 'candidate-request' }, street);
    const rest = await testing.eventually(async () => {
      const page = await ctx.entries.changedSince(query({ cursor: first.nextCursor, limit: 10 }), street);
      return page.items.length === 2 ? page : undefined;
    });
    expect(rest.items.map((e) => [e.id, e.status])).toEqual([
      [ids[2], 'active'],
      [ids[0], 'withdrawn'],
    ]);
    expect(rest.items[1]).toMatchObject({ name: null, nationalIdMasked: null });
    expect(rest.hasMore).toBe(false);
    const other = await ctx.entries.changedSince(query({ limit: 10 }), streetPrincipal('310101002'));
    expect(other.items.map((e) => e.id)).not.toEqual(expect.arrayContaining([ids[0]]));
  });

  it('a cursor that is not a previous page’s is 400 on cursor', async () => {
    const failure = await testing.domainErrorOf(ctx.entries.changedSince(query({ cursor: 'bm90LWEtY3Vyc29y' }), street));
    expect(failure).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });
  });
});
