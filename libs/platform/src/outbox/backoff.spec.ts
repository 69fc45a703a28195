import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('grows exponentially and stays within [min/2, cap]', () => {
    expect(backoffDelay(1, 200, 30_000, () => 1)).toBe(200);
    expect(backoffDelay(2, 200, 30_000, () => 1)).toBe(400);
    expect(backoffDelay(5, 200, 30_000, () => 1)).toBe(3_200);
    expect(backoffDelay(50, 200, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(50, 200, 30_000, () => 0)).toBe(100);
  });
});
