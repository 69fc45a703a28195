import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applicants of campaigns (REC-4..7). One application per person per campaign: a unique key on
 * (campaign, person_ref), the keyed hash of the national ID, never the ID in clear (stored
 * encrypted beside a display mask). Scores are 0..100 (REC-6), checked here as well as at the edge.
 */
export class CreateApplicants1766000000200 implements MigrationInterface {
  name = 'CreateApplicants1766000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE applicants (
        id                   uuid        PRIMARY KEY,
        campaign_id          uuid        NOT NULL REFERENCES campaigns (id),
        post_id              uuid        NOT NULL REFERENCES campaign_posts (id),
        street_code          text        COLLATE "C" NOT NULL,
        channel              text        NOT NULL,
        status               text        NOT NULL,
        out_reason           text,
        name                 text        NOT NULL,
        national_id_enc      text        NOT NULL,
        national_id_masked   text        NOT NULL,
        phone_enc            text,
        phone_masked         text,
        person_ref           text        NOT NULL,
        birth_date           date        NOT NULL,
        gender               text,
        education            text        NOT NULL,
        major                text,
        fresh_graduate       boolean     NOT NULL,
        certificates         text[]      NOT NULL DEFAULT '{}',
        community_years      int         NOT NULL DEFAULT 0 CHECK (community_years >= 0),
        talent_pool_entry_id uuid,
        eligibility          jsonb       NOT NULL,
        preference_rank      int         NOT NULL DEFAULT 0,
        host_street          text,
        internship_score     numeric(5,2) CHECK (internship_score BETWEEN 0 AND 100),
        written_score        numeric(5,2) CHECK (written_score BETWEEN 0 AND 100),
        interview_score      numeric(5,2) CHECK (interview_score BETWEEN 0 AND 100),
        combined_score       numeric(5,2),
        rank                 int,
        ranking_explanation  jsonb,
        objection            text        CHECK (objection IN ('open', 'rejected', 'upheld')),
        appointed_on         date,
        registered_on        date        NOT NULL,
        created_by           text        NOT NULL,
        version              int         NOT NULL DEFAULT 1,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applicants_one_per_person_campaign UNIQUE (campaign_id, person_ref)
      )`);
    await q.query('CREATE INDEX applicants_campaign_status ON applicants (campaign_id, status, post_id)');
    await q.query('CREATE INDEX applicants_street ON applicants (street_code text_pattern_ops)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE applicants');
  }
}
