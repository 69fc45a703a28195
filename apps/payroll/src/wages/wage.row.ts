/** One `city_average_wages` row (fen as a number: < 2^53). */
export interface WageRow {
  year: number;
  annualFen: number;
  revision: number;
  publishedBy: string;
  publishedAt: Date;
  updatedAt: Date;
}

export const WAGE_COLUMNS = `w.year, w.annual_fen::float8 AS "annualFen", w.revision, w.published_by AS "publishedBy", w.published_at AS "publishedAt", w.updated_at AS "updatedAt"`;

export interface WageCorrectionRow {
  year: number;
  revision: number;
  previousFen: number;
  annualFen: number;
  reason: string;
  correctedBy: string;
  correctedAt: Date;
}

export const WAGE_CORRECTION_COLUMNS = `c.year, c.revision, c.previous_fen::float8 AS "previousFen", c.annual_fen::float8 AS "annualFen", c.reason, c.corrected_by AS "correctedBy", c.corrected_at AS "correctedAt"`;
