import { multipleOfWage, toPpm } from './band-total';

describe('exact multiples of the wage (PAY-3)', () => {
  it('PAY-3 reads multiples to six decimals', () => {
    expect(toPpm(1.05)).toBe(1_050_000n);
    expect(toPpm(1.4)).toBe(1_400_000n);
  });

  it('PAY-3 floors, ceils and rounds multiple × wage × n exactly, beyond 2^53', () => {
    // 1.4 × ¥140,000.01 × 65,000 workers: 1,274,000,091,000 fen exactly.
    expect(multipleOfWage(1.4, 14_000_001, 65_000)).toEqual({
      floor: 1_274_000_091_000,
      ceil: 1_274_000_091_000,
      round: 1_274_000_091_000,
    });
    // 1.05 × 3 fen = 3.15 fen.
    expect(multipleOfWage(1.05, 3, 1)).toEqual({ floor: 3, ceil: 4, round: 3 });
    expect(multipleOfWage(1.5, 1, 1)).toEqual({ floor: 1, ceil: 2, round: 2 });
  });
});
