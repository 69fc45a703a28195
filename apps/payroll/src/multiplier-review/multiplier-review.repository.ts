import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MULTIPLIER_REVIEW_COLUMNS, type MultiplierReviewRow, type ReviewYearFigures } from './multiplier-review.row';

/** All SQL of the PAY-4 review: the four years' figures (one query) and the task row. */
@Injectable()
export class MultiplierReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The wage, applied multiplier and pay totals of each year before the review year (oldest first). */
  async figures(reviewYear: number, em: EntityManager = this.dataSource.manager): Promise<ReviewYearFigures[]> {
    return (await em.query(
      `SELECT y.year, w.annual_fen::float8 AS "averageWageFen", (r.summary->>'referenceWageFen')::float8 AS "referenceWageFen",
              (r.summary->>'multiplier')::float8 AS multiplier,
              (r.summary->>'workers')::int AS workers, (r.summary->>'totalFen')::float8 AS "totalFen"
         FROM generate_series($1::int - 4, $1::int - 1) AS y(year)
         LEFT JOIN city_average_wages w ON w.year = y.year
         LEFT JOIN recalibrations r ON r.pay_year = y.year AND r.status = 'applied'
        ORDER BY y.year`,
      [reviewYear],
    )) as ReviewYearFigures[];
  }

  /** Opens the year's review once: false when it was open already (a second run changes nothing). */
  async open(em: EntityManager, row: Pick<MultiplierReviewRow, 'reviewYear' | 'figures' | 'explanation' | 'openedBy'>): Promise<boolean> {
    const inserted = (await em.query(
      `INSERT INTO multiplier_reviews (review_year, figures, explanation, opened_by) VALUES ($1, $2::jsonb, $3::jsonb, $4)
       ON CONFLICT (review_year) DO NOTHING RETURNING review_year`,
      [row.reviewYear, JSON.stringify(row.figures), JSON.stringify(row.explanation), row.openedBy],
    )) as unknown[];
    return inserted.length === 1;
  }

  async find(reviewYear: number): Promise<MultiplierReviewRow | undefined> {
    return (
      (await this.dataSource.query(`SELECT ${MULTIPLIER_REVIEW_COLUMNS} FROM multiplier_reviews m WHERE m.review_year = $1`, [
        reviewYear,
      ])) as MultiplierReviewRow[]
    )[0];
  }

  async list(): Promise<MultiplierReviewRow[]> {
    return (await this.dataSource.query(
      `SELECT ${MULTIPLIER_REVIEW_COLUMNS} FROM multiplier_reviews m ORDER BY m.review_year DESC`,
    )) as MultiplierReviewRow[];
  }
}
