import { FixedWindowLimiter } from './fixed-window-limiter';

describe('FixedWindowLimiter', () => {
  it('lets a client through up to the limit in a window, then refuses until the window resets', () => {
    const limiter = new FixedWindowLimiter(3, 60_000);
    expect([1, 2, 3, 4].map(() => limiter.take('a', 1_000))).toEqual([true, true, true, false]);
    expect(limiter.take('b', 1_000)).toBe(true);
    expect(limiter.retryAfter('a', 31_000)).toBe(30);
    expect(limiter.take('a', 61_000)).toBe(true);
  });

  it('stays bounded under a flood of distinct clients', () => {
    const limiter = new FixedWindowLimiter(1, 60_000, 10);
    for (let i = 0; i < 100; i++) limiter.take(`c${i}`, 0);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(10);
  });
});
