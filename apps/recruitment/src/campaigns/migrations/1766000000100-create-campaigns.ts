import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns (REC-1, REC-2) and their post plans per street (REC-3, REC-5). One campaign per
 * district, year and round: the unique key decides a race, REC-2's rounds a year are checked
 * against the policy version before the insert.
 */
export class CreateCampaigns1766000000100 implements MigrationInterface {
  name = 'CreateCampaigns1766000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaigns (
        id                     uuid        PRIMARY KEY,
        district_code          text        COLLATE "C" NOT NULL CHECK (district_code ~ '^31[0-9]{4}$'),
        year                   int         NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        round                  int         NOT NULL CHECK (round >= 1),
        phase                  text        NOT NULL,
        policy_version         text        NOT NULL,
        rounds_explanation     jsonb       NOT NULL,
        registration_opens_on  date        NOT NULL,
        registration_closes_on date        NOT NULL CHECK (registration_closes_on >= registration_opens_on),
        internship_starts_on   date        NOT NULL CHECK (internship_starts_on > registration_closes_on),
        internship_ends_on     date        NOT NULL CHECK (internship_ends_on >= internship_starts_on),
        written_exam_on        date        NOT NULL CHECK (written_exam_on > internship_ends_on),
        interview_on           date        NOT NULL CHECK (interview_on > written_exam_on),
        publicity_days         int         NOT NULL CHECK (publicity_days >= 1),
        workflow_started_at    timestamptz,
        created_by             text        NOT NULL,
        version                int         NOT NULL DEFAULT 1,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT campaigns_one_per_round UNIQUE (district_code, year, round)
      )`);
    await q.query('CREATE INDEX campaigns_district ON campaigns (district_code, year)');
    await q.query('CREATE INDEX campaigns_workflow_unstarted ON campaigns (created_at) WHERE workflow_started_at IS NULL');
    await q.query(`
      CREATE TABLE campaign_posts (
        id                     uuid    PRIMARY KEY,
        campaign_id            uuid    NOT NULL REFERENCES campaigns (id),
        street_code            text    COLLATE "C" NOT NULL CHECK (street_code ~ '^31[0-9]{7}$'),
        post_category          text    NOT NULL,
        count                  int     NOT NULL CHECK (count >= 1),
        required_qualification text,
        street_selected        boolean NOT NULL DEFAULT false
      )`);
    await q.query('CREATE INDEX campaign_posts_campaign ON campaign_posts (campaign_id)');
    await q.query('CREATE INDEX campaign_posts_street ON campaign_posts (street_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE campaign_posts');
    await q.query('DROP TABLE campaigns');
  }
}
