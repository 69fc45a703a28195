import fc from 'fast-check';
import { baseYearFen, monthlyBaseFen, monthlyPerformanceFen } from './monthly-split';

const months = Array.from({ length: 12 }, (_, i) => i + 1);

describe('monthly split of yearly pay (PAY-2, PAY-5)', () => {
  it('PAY-5: twelve slips add up exactly to the yearly pay, quarterly or yearly performance pay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60_000_000 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.constantFrom<'quarter' | 'year'>('quarter', 'year'),
        (annual, share, every) => {
          const base = baseYearFen(annual, share);
          const total = months.reduce((sum, m) => sum + monthlyBaseFen(base, m) + monthlyPerformanceFen(annual - base, m, every), 0);
          expect(total).toBe(annual);
        },
      ),
    );
  });

  it('PAY-5: quarterly performance pay only in March, June, September and December', () => {
    expect(months.map((m) => monthlyPerformanceFen(401, m, 'quarter'))).toEqual([0, 0, 101, 0, 0, 100, 0, 0, 100, 0, 0, 100]);
    expect(months.map((m) => monthlyPerformanceFen(401, m, 'year'))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 401]);
  });
});
