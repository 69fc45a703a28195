import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The training roster and each worker's development plan (TRAIN-2, TRAIN-6).
 * - trainees: what the training service knows of each worker, projected from the workforce
 *   service's worker events (hired, transferred, exited): ids, unit, first day; education when an
 *   operator records it (TRAIN-6). No names.
 * - four_ones: evidence of each of the four ones (TRAIN-2), one row per worker and item.
 * - plan_reminders / plan_milestones: what the plan workflow did (idempotent on their keys).
 */
export class CreateRoster1766000000100 implements MigrationInterface {
  name = 'CreateRoster1766000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE trainees (
        worker_id           text COLLATE "C" PRIMARY KEY,
        unit_code           text COLLATE "C" NOT NULL CHECK (unit_code ~ '^31[0-9]{7}([0-9]{3})?$'),
        hired_on            date NOT NULL,
        education           text,
        status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'exited')),
        exited_on           date,
        plan_status         text NOT NULL DEFAULT 'open' CHECK (plan_status IN ('open', 'completed', 'exited')),
        workflow_started_at timestamptz,
        version             int NOT NULL DEFAULT 1,
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX trainees_unit_idx ON trainees (unit_code, worker_id) WHERE status = 'active'`);
    await q.query(`CREATE INDEX trainees_unstarted_idx ON trainees (worker_id) WHERE workflow_started_at IS NULL AND plan_status = 'open'`);
    await q.query(`
      CREATE TABLE four_ones (
        worker_id   text COLLATE "C" NOT NULL REFERENCES trainees (worker_id),
        item        text NOT NULL CHECK (item IN ('study-visit', 'secondment', 'research-topic', 'innovation-project')),
        done_on     date NOT NULL,
        evidence    text NOT NULL CHECK (char_length(evidence) BETWEEN 1 AND 500),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (worker_id, item)
      )`);
    await q.query(`
      CREATE TABLE plan_reminders (
        worker_id text COLLATE "C" NOT NULL REFERENCES trainees (worker_id),
        round     int NOT NULL,
        due_by    date NOT NULL,
        missing   text[] NOT NULL,
        sent_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (worker_id, round)
      )`);
    await q.query(`
      CREATE TABLE plan_milestones (
        worker_id   text COLLATE "C" NOT NULL REFERENCES trainees (worker_id),
        milestone   text NOT NULL CHECK (milestone IN ('qualified', 'mature')),
        on_date     date NOT NULL,
        met         boolean NOT NULL,
        missing     text[] NOT NULL,
        explanation jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (worker_id, milestone)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['plan_milestones', 'plan_reminders', 'four_ones', 'trainees']) await q.query(`DROP TABLE ${t}`);
  }
}
