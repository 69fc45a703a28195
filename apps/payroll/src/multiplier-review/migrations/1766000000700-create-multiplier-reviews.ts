import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PAY-4: the multiplier is re-measured every four years. One row per review year: the task the
 * Schedule opens for the city, with the figures of the four years before it (frozen when opened).
 */
export class CreateMultiplierReviews1766000000700 implements MigrationInterface {
  name = 'CreateMultiplierReviews1766000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE multiplier_reviews (
        review_year  int         PRIMARY KEY CHECK (review_year BETWEEN 2000 AND 2200),
        status       text        NOT NULL DEFAULT 'open' CHECK (status IN ('open')),
        figures      jsonb       NOT NULL,
        explanation  jsonb       NOT NULL,
        opened_by    text        NOT NULL,
        opened_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE multiplier_reviews');
  }
}
