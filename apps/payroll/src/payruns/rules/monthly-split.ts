/**
 * PAY-2, PAY-5: the share of one month of a yearly figure, so that the twelve months add up to it
 * exactly. Base pay is paid monthly: floor(base/12), and one fen more in the first (base mod 12)
 * months (largest remainder with equal weights). Performance pay is paid quarterly (in March, June,
 * September, December) or yearly (December), split the same way. Mirrored in the pay run's SQL.
 */
export function monthlyBaseFen(baseYearFen: number, month: number): number {
  return Math.floor(baseYearFen / 12) + (month <= baseYearFen % 12 ? 1 : 0);
}

export function monthlyPerformanceFen(performanceYearFen: number, month: number, paidEvery: 'quarter' | 'year'): number {
  if (paidEvery === 'year') return month === 12 ? performanceYearFen : 0;
  if (month % 3 !== 0) return 0;
  const quarter = month / 3;
  return Math.floor(performanceYearFen / 4) + (quarter <= performanceYearFen % 4 ? 1 : 0);
}

/** The base part of a yearly total (PAY-5: performance pay is `share` of total pay), rounded half up. */
export function baseYearFen(annualFen: number, performanceShare: number): number {
  return Math.round(annualFen * (1 - performanceShare));
}
