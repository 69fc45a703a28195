import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Yearly appraisal cycles (APPR-1..4): one per opening unit (a district, or a street for its own
 * units) and year, with the rating window and the calibration limit captured at opening, and the
 * per-worker targets recorded at the start of the year (APPR-4).
 */
export class CreateCycles1765000000100 implements MigrationInterface {
  name = 'CreateCycles1765000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cycles (
        id                    uuid PRIMARY KEY,
        unit_code             text COLLATE "C" NOT NULL CHECK (unit_code ~ '^31[0-9]{4}([0-9]{3})?$'),
        year                  int         NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        phase                 text        NOT NULL DEFAULT 'targets' CHECK (phase IN ('targets', 'rating', 'closing', 'calibrating', 'publishing', 'published')),
        policy_version        text        NOT NULL,
        rating_opens_at       timestamptz NOT NULL,
        rating_closes_at      timestamptz NOT NULL CHECK (rating_closes_at > rating_opens_at),
        reminder_days         int         NOT NULL CHECK (reminder_days BETWEEN 0 AND 60),
        excellent_share_limit numeric(4,3) NOT NULL CHECK (excellent_share_limit > 0 AND excellent_share_limit <= 1),
        opened_by             text        NOT NULL,
        closed_by             text,
        closed_at             timestamptz,
        reminded_at           timestamptz,
        published_at          timestamptz,
        units_over_limit      text[]      NOT NULL DEFAULT '{}',
        workflow_started_at   timestamptz,
        version               int         NOT NULL DEFAULT 1,
        created_at            timestamptz NOT NULL DEFAULT now(),
        UNIQUE (unit_code, year)
      )`);
    await q.query(`CREATE INDEX cycles_year_idx ON cycles (year, unit_code)`);
    await q.query(`
      CREATE TABLE targets (
        id          uuid PRIMARY KEY,
        cycle_id    uuid        NOT NULL REFERENCES cycles (id),
        worker_id   text COLLATE "C" NOT NULL REFERENCES worker_records (worker_id),
        kind        text        NOT NULL CHECK (kind IN ('annual', 'term')),
        description text        NOT NULL CHECK (char_length(description) BETWEEN 1 AND 500),
        recorded_by text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX targets_worker_idx ON targets (worker_id, cycle_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE targets');
    await q.query('DROP TABLE cycles');
  }
}
