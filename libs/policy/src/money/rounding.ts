/**
 * Money is integer fen (分). Where a computation yields a fraction of a fen, it is rounded half
 * away from zero ("四舍五入"), once, at the end; totals that must be exact (a pool, a recalibrated
 * payroll) are never rounded per person but distributed with largest remainders (distribute.ts).
 */
export function roundHalfAwayFromZero(x: number): number {
  // The epsilon absorbs binary representation error (1.005 * 100 = 100.49999999999999).
  const r = Math.round(Math.abs(x) + 1e-9);
  return x < 0 ? -r : r;
}

/** Rounds a score or a rate to `digits` decimals, half away from zero. */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return roundHalfAwayFromZero(x * f) / f;
}
