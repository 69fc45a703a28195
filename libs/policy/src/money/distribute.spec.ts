import fc from 'fast-check';
import { distributeByLargestRemainder } from './distribute';
import { roundHalfAwayFromZero, roundTo } from './rounding';

describe('money: exact distribution in fen', () => {
  it('splits 100 fen three ways as 34/33/33 (earliest index wins the tie)', () => {
    expect(distributeByLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('gives nothing to a zero weight and everything to the rest', () => {
    expect(distributeByLargestRemainder(1000, [0, 1, 3])).toEqual([0, 250, 750]);
  });

  it('shares nothing when every weight is zero', () => {
    expect(distributeByLargestRemainder(1000, [0, 0])).toEqual([0, 0]);
  });

  it('rejects a fractional total and negative weights', () => {
    expect(() => distributeByLargestRemainder(10.5, [1])).toThrow(/totalFen/);
    expect(() => distributeByLargestRemainder(10, [1, -1])).toThrow(/weights\[1\]/);
  });

  it('property: parts are non-negative and sum exactly to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (total, weights) => {
          const parts = distributeByLargestRemainder(total, weights);
          const positive = weights.some((w) => w > 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(positive ? total : 0);
          expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
        },
      ),
    );
  });

  it('rounds half away from zero, also past binary representation error', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(84.444, 2)).toBe(84.44);
  });
});
