import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PAY-1/PAY-3: the city's average wage, one row per year (the primary key makes a second
 * publication impossible); every correction is a row in wage_corrections with its reason, beside
 * the audit trail entry. `revision` counts publications (1) and corrections (+1 each): a preview
 * records the revision it used, so a correction makes it stale.
 */
export class CreateCityAverageWages1766000000100 implements MigrationInterface {
  name = 'CreateCityAverageWages1766000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE city_average_wages (
        year          int         PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
        annual_fen    bigint      NOT NULL CHECK (annual_fen > 0),
        revision      int         NOT NULL DEFAULT 1,
        published_by  text        NOT NULL,
        published_at  timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE wage_corrections (
        id            bigserial   PRIMARY KEY,
        year          int         NOT NULL REFERENCES city_average_wages (year),
        revision      int         NOT NULL,
        previous_fen  bigint      NOT NULL,
        annual_fen    bigint      NOT NULL,
        reason        text        NOT NULL CHECK (length(reason) BETWEEN 5 AND 500),
        corrected_by  text        NOT NULL,
        corrected_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (year, revision)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE wage_corrections');
    await q.query('DROP TABLE city_average_wages');
  }
}
