import type { Explanation } from '@cwp/policy';

/** One year of the four a review looks back on (PAY-1, PAY-3): null where that year has no figure. */
export interface ReviewYearFigures {
  year: number;
  /** The city's average wage of the year (fen), as published (corrected where corrected). */
  averageWageFen: number | null;
  /** The wage that year's recalibration was computed on (PAY-3: the previous year's). */
  referenceWageFen: number | null;
  /** The multiplier of the recalibration applied for the year. */
  multiplier: number | null;
  workers: number | null;
  totalFen: number | null;
  /** PAY-1: the workers' average pay of the year over the reference wage it was computed on. */
  payToWage: number | null;
}

export interface MultiplierReviewRow {
  reviewYear: number;
  status: 'open';
  figures: ReviewYearFigures[];
  explanation: Explanation;
  openedBy: string;
  openedAt: Date;
}

export const MULTIPLIER_REVIEW_COLUMNS = `m.review_year AS "reviewYear", m.status, m.figures, m.explanation, m.opened_by AS "openedBy", m.opened_at AS "openedAt"`;
