import fc from 'fast-check';
import { baseYearFen, monthlyBaseFen } from './monthly-split';

const months = Array.from({ length: 12 }, (_, i) => i + 1);

describe('monthly split of yearly base pay (PAY-2, PAY-5)', () => {
  it('PAY-2: twelve slips add up exactly to the base part of the yearly pay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000_000 }), fc.double({ min: 0, max: 0.6, noNaN: true }), (annual, share) => {
        const base = baseYearFen(annual, share);
        expect(months.reduce((sum, m) => sum + monthlyBaseFen(base, m), 0)).toBe(base);
      }),
    );
  });

  it('PAY-2: the remainder fen go to the first months', () => {
    expect(months.map((m) => monthlyBaseFen(1_203, m))).toEqual([101, 101, 101, 100, 100, 100, 100, 100, 100, 100, 100, 100]);
    expect(baseYearFen(17_280_011, 0.3)).toBe(12_096_008);
  });
});
