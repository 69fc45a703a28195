import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The yearly quota review (QUOTA-5): one review per year, one decision row per district, one
 * proposal per unit whose recomputed quota differs from the current one.
 */
export class CreateQuotaReviews1764000000200 implements MigrationInterface {
  name = 'CreateQuotaReviews1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quota_reviews (
        year           int         PRIMARY KEY,
        status         text        NOT NULL CHECK (status IN ('proposing', 'awaiting-decisions', 'closed')),
        policy_version text        NOT NULL,
        decision_days  int         NOT NULL,
        deadline_at    timestamptz,
        opened_at      timestamptz NOT NULL DEFAULT now(),
        closed_at      timestamptz
      )`);
    await q.query(`
      CREATE TABLE quota_review_districts (
        year          int         NOT NULL REFERENCES quota_reviews (year),
        district_code text COLLATE "C" NOT NULL,
        status        text        NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'lapsed-approved', 'no-changes')),
        proposals     int         NOT NULL DEFAULT 0,
        applied       int         NOT NULL DEFAULT 0,
        decided_by    text,
        decided_at    timestamptz,
        note          text,
        PRIMARY KEY (year, district_code)
      )`);
    await q.query(`
      CREATE TABLE quota_proposals (
        year           int         NOT NULL REFERENCES quota_reviews (year),
        unit_code      text COLLATE "C" NOT NULL,
        kind           text        NOT NULL CHECK (kind IN ('area', 'centre', 'floating')),
        district_code  text COLLATE "C" NOT NULL,
        current_quota  int         NOT NULL,
        proposed_quota int         NOT NULL CHECK (proposed_quota >= 0),
        proposed_min   int,
        proposed_max   int,
        households     int,
        explanation    jsonb       NOT NULL,
        policy_version text        NOT NULL,
        status         text        NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'lapsed-approved')),
        applied        boolean     NOT NULL DEFAULT false,
        created_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (year, unit_code, kind)
      )`);
    await q.query('CREATE INDEX quota_proposals_district ON quota_proposals (year, district_code, status)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE quota_proposals');
    await q.query('DROP TABLE quota_review_districts');
    await q.query('DROP TABLE quota_reviews');
  }
}
