import { ExplanationBuilder, roundTo, type Explanation } from '@cwp/policy';
import type { ReviewYearFigures } from '../multiplier-review.row';

/**
 * PAY-4 (PAY-1, PAY-3): each year's pay-to-wage ratio (the workers' average pay over the city's
 * average wage, which PAY-1 bounds to 1..1.4) and the explanation the city reads with the figures.
 */
export function reviewFigures(
  reviewYear: number,
  years: readonly Omit<ReviewYearFigures, 'payToWage'>[],
): { figures: ReviewYearFigures[]; explanation: Explanation } {
  const figures = years.map((y) => ({
    ...y,
    payToWage: y.referenceWageFen && y.workers && y.totalFen !== null ? roundTo(y.totalFen / y.workers / y.referenceWageFen, 4) : null,
  }));
  const builder = new ExplanationBuilder({ reviewYear, years: figures.map((f) => f.year) }).step(
    'PAY-4',
    `Every four years the multiplier is re-measured against Shanghai's development: review ${reviewYear} looks at ${figures[0]?.year}–${figures[figures.length - 1]?.year}`,
  );
  for (const f of figures) {
    builder.step(
      'PAY-3',
      f.multiplier === null
        ? `${f.year}: no recalibration applied`
        : `${f.year}: multiplier ${f.multiplier} on the reference wage of ${f.referenceWageFen} fen; ${f.workers} workers, ${f.totalFen} fen`,
      f.multiplier,
    );
    if (f.payToWage !== null)
      builder.step('PAY-1', `${f.year}: average pay is ${f.payToWage}× the reference wage (PAY-1: 1 to 1.4)`, f.payToWage);
  }
  return { figures, explanation: builder.build() };
}
