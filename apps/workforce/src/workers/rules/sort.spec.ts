import { orderByClause, WORKER_SORT_NAMES } from './sort';

describe('roster sort whitelist', () => {
  it('maps each whitelisted name to a fixed column and ends with the id for stable pages', () => {
    expect(orderByClause('hiredOn', 'desc')).toBe('ORDER BY w.hired_on DESC, w.id DESC');
    expect(orderByClause('title', 'desc')).toMatch(/ DESC NULLS LAST, w\.id DESC$/);
    for (const name of WORKER_SORT_NAMES) expect(orderByClause(name)).toMatch(/, w\.id ASC$/);
  });

  it('defaults to name ascending', () => {
    expect(orderByClause()).toBe('ORDER BY w.name ASC, w.id ASC');
  });

  it('refuses anything outside the whitelist (no SQL through the sort parameter)', () => {
    expect(() => orderByClause('name; DROP TABLE workers' as never)).toThrow(/unknown sort/);
    expect(() => orderByClause('constructor' as never)).toThrow(/unknown sort/);
    expect(() => orderByClause('name', 'sideways' as never)).toThrow(/unknown order/);
  });
});
