import { recalibrationProgress } from './progress';

describe('recalibrationProgress (PAY-3 apply progress)', () => {
  const start = new Date('2027-01-02T01:00:00Z');

  it('rate from the start and an eta for the rest', () => {
    const p = recalibrationProgress(5_000, 65_000, start, new Date('2027-01-02T01:00:02Z'));
    expect(p).toEqual({
      done: 5_000,
      total: 65_000,
      ratePerSecond: 2_500,
      etaAt: '2027-01-02T01:00:26.000Z',
      startedAt: start.toISOString(),
    });
  });

  it('no rate before the first chunk, no eta once done', () => {
    expect(recalibrationProgress(0, 10, null, start)).toMatchObject({ ratePerSecond: null, etaAt: null, startedAt: null });
    expect(recalibrationProgress(10, 10, start, new Date(start.getTime() + 1000))).toMatchObject({ ratePerSecond: 10, etaAt: null });
  });
});
