import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mentoring pairs (TRAIN-9, 传帮带): a learning plan with named people and objectives, and the
 * check-ins that show it is followed. Ids and text only (the plan names no personal data).
 */
export class CreateMentoring1766000000400 implements MigrationInterface {
  name = 'CreateMentoring1766000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mentorships (
        id          uuid PRIMARY KEY,
        mentor_id   text COLLATE "C" NOT NULL REFERENCES trainees (worker_id),
        mentee_id   text COLLATE "C" NOT NULL REFERENCES trainees (worker_id),
        unit_code   text COLLATE "C" NOT NULL,
        objectives  text[] NOT NULL CHECK (cardinality(objectives) BETWEEN 1 AND 10),
        plan        text NOT NULL CHECK (char_length(plan) BETWEEN 1 AND 2000),
        starts_on   date NOT NULL,
        ends_on     date NOT NULL,
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on > starts_on),
        CHECK (mentor_id <> mentee_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX mentorships_open_pair_idx ON mentorships (mentor_id, mentee_id, starts_on)`);
    await q.query(`CREATE INDEX mentorships_unit_idx ON mentorships (unit_code)`);
    await q.query(`
      CREATE TABLE mentoring_checkins (
        mentorship_id uuid NOT NULL REFERENCES mentorships (id),
        on_date       date NOT NULL,
        note          text NOT NULL CHECK (char_length(note) BETWEEN 1 AND 1000),
        objectives_met int[] NOT NULL DEFAULT '{}',
        recorded_by   text NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (mentorship_id, on_date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mentoring_checkins');
    await q.query('DROP TABLE mentorships');
  }
}
