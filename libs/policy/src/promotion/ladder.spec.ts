import { nextRole, nextTitle } from './ladder';

describe('PROM-1 ladders', () => {
  it('PROM-1 staff → specialist → supervisor → manager → head', () => {
    expect(nextRole('staff').value).toEqual({ next: 'specialist', postCategory: 'staff' });
    expect(nextRole('supervisor').value).toEqual({ next: 'manager', postCategory: 'manager' });
    expect(nextRole('manager').value).toEqual({ next: 'head', postCategory: 'head' });
    const top = nextRole('head');
    expect(top.value.next).toBeNull();
    expect(top.explanation.rules.map((r) => r.id)).toEqual(['PROM-1', 'PROM-2']);
  });

  it('PROM-1 titles junior → intermediate → senior', () => {
    expect(nextTitle('junior').value.next).toBe('intermediate');
    expect(nextTitle('senior').value.next).toBeNull();
    expect(() => nextRole('boss' as 'head')).toThrow(/^role: /);
  });
});
