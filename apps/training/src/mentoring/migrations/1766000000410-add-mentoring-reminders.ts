import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mentoring reminders (TRAIN-9): each pair has a check-in period and a workflow that reminds the
 * street when a period passes without a check-in (`mentoring_reminders`, one row per pair and due
 * date) and closes the pair on its last day. Pairs created before this have the default period;
 * the reconciler starts their workflows (workflow_started_at is null).
 */
export class AddMentoringReminders1766000000410 implements MigrationInterface {
  name = 'AddMentoringReminders1766000000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE mentorships
        ADD COLUMN checkin_every_days int NOT NULL DEFAULT 30 CHECK (checkin_every_days BETWEEN 7 AND 180),
        ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        ADD COLUMN workflow_started_at timestamptz`);
    await q.query(`CREATE INDEX mentorships_unstarted_idx ON mentorships (id) WHERE workflow_started_at IS NULL AND status = 'open'`);
    await q.query(`
      CREATE TABLE mentoring_reminders (
        mentorship_id uuid NOT NULL REFERENCES mentorships (id),
        due_by        date NOT NULL,
        since         date NOT NULL,
        sent_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (mentorship_id, due_by)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mentoring_reminders');
    await q.query('ALTER TABLE mentorships DROP COLUMN workflow_started_at, DROP COLUMN status, DROP COLUMN checkin_every_days');
  }
}
