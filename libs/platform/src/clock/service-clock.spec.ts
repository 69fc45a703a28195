import { ServiceClock } from './service-clock';

class FixedClock extends ServiceClock {
  constructor(private readonly instant: Date) {
    super();
  }
  override now(): Date {
    return this.instant;
  }
}

describe('ServiceClock', () => {
  it('gives today as the Shanghai calendar date (UTC+8), so 16:00 UTC is already the next day', () => {
    expect(new FixedClock(new Date('2026-11-23T15:59:59Z')).today()).toBe('2026-11-23');
    expect(new FixedClock(new Date('2026-11-23T16:00:00Z')).today()).toBe('2026-11-24');
  });

  it('reads the real time by default', () => {
    const before = Date.now();
    const now = new ServiceClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(5_000);
  });
});
