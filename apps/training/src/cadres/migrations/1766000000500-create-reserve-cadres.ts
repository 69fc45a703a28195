import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reserve cadres (REC-8, 后备干部): serving workers selected as candidates for community party
 * secretary or committee director, each with a development plan; nominated by a street, confirmed
 * or declined by the district, reviewed yearly (`reserve_cadre_reviews`, one row per cadre and
 * round: opened by the cadre's workflow, decided by the district). `eligibility` is @cwp/policy
 * `checkReserveCadre`'s explanation (age, education, titles, last grade: no birth date is stored).
 */
export class CreateReserveCadres1766000000500 implements MigrationInterface {
  name = 'CreateReserveCadres1766000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reserve_cadres (
        id                  uuid PRIMARY KEY,
        worker_id           text COLLATE "C" NOT NULL REFERENCES trainees (worker_id),
        unit_code           text COLLATE "C" NOT NULL,
        target_role         text NOT NULL CHECK (target_role IN ('party-secretary', 'committee-director')),
        status              text NOT NULL CHECK (status IN ('nominated', 'confirmed', 'declined', 'removed', 'exited')),
        reason              text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
        plan_objectives     text[] NOT NULL CHECK (cardinality(plan_objectives) BETWEEN 1 AND 10),
        eligibility         jsonb NOT NULL,
        nominated_by        text NOT NULL,
        nominated_on        date NOT NULL,
        decided_by          text,
        decided_on          date,
        decision_note       text,
        workflow_started_at timestamptz,
        version             int NOT NULL DEFAULT 1
      )`);
    // One open candidacy per worker and post.
    await q.query(
      `CREATE UNIQUE INDEX reserve_cadres_open_idx ON reserve_cadres (worker_id, target_role) WHERE status IN ('nominated', 'confirmed')`,
    );
    await q.query(`CREATE INDEX reserve_cadres_unit_idx ON reserve_cadres (unit_code, status)`);
    await q.query(
      `CREATE INDEX reserve_cadres_unstarted_idx ON reserve_cadres (id) WHERE status = 'confirmed' AND workflow_started_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE reserve_cadre_reviews (
        cadre_id    uuid NOT NULL REFERENCES reserve_cadres (id),
        round       int NOT NULL CHECK (round >= 1),
        due_on      date NOT NULL,
        outcome     text CHECK (outcome IN ('kept', 'removed')),
        note        text,
        explanation jsonb,
        reviewed_by text,
        reviewed_on date,
        PRIMARY KEY (cadre_id, round)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE reserve_cadre_reviews');
    await q.query('DROP TABLE reserve_cadres');
  }
}
