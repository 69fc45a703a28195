import { FixedWindowLimiter } from './fixed-window-limiter';

describe('FixedWindowLimiter', () => {
  it('allows `limit` requests per client per window, then refuses until the window resets', () => {
    const limiter = new FixedWindowLimiter(2, 60_000);
    expect([limiter.take('a', 0), limiter.take('a', 1), limiter.take('a', 2)]).toEqual([true, true, false]);
    expect(limiter.take('b', 3)).toBe(true);
    expect(limiter.retryAfter('a', 30_000)).toBe(30);
    expect(limiter.take('a', 60_000)).toBe(true);
  });
});
