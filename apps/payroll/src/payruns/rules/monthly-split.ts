/**
 * PAY-2: base pay is paid monthly, one twelfth of the yearly base part: floor(base/12), and one
 * fen more in the first (base mod 12) months (largest remainder with equal weights), so twelve
 * slips add up to it exactly. Mirrored in the pay run's SQL. Performance pay is not a part of the
 * worker's own yearly pay on the slip: it comes from the unit's pool (PAY-6, libs/policy `poolInstalment`).
 */
export function monthlyBaseFen(baseYearFen: number, month: number): number {
  return Math.floor(baseYearFen / 12) + (month <= baseYearFen % 12 ? 1 : 0);
}

/** The base part of a yearly total (PAY-5: performance pay is `share` of total pay), rounded half up. */
export function baseYearFen(annualFen: number, performanceShare: number): number {
  return Math.round(annualFen * (1 - performanceShare));
}
