import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-worker performance record (APPR-5, EXIT-2, EXIT-3).
 * - worker_records: what the appraisal service knows of each worker, projected from the workforce
 *   service's worker events (hired, transferred, exited): ids, unit, entry route (ORG-3). No names.
 * - record_tasks: admonishment talks, organisational adjustments and exit notices the record's
 *   workflow opens, with deadlines, who held/decided them and when; `explanation` is @cwp/policy's.
 */
export class CreateRecords1765000000000 implements MigrationInterface {
  name = 'CreateRecords1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE worker_records (
        worker_id           text COLLATE "C" PRIMARY KEY,
        unit_code           text COLLATE "C" NOT NULL CHECK (unit_code ~ '^31[0-9]{7}([0-9]{3})?$'),
        entry_route         text        NOT NULL CHECK (entry_route IN ('elected', 'recruited')),
        hired_on            date        NOT NULL,
        status              text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'exited')),
        exited_on           date,
        workflow_started_at timestamptz,
        version             int         NOT NULL DEFAULT 1,
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX worker_records_unit_idx ON worker_records (unit_code, worker_id) WHERE status = 'active'`);
    await q.query(
      `CREATE INDEX worker_records_unstarted_idx ON worker_records (worker_id) WHERE workflow_started_at IS NULL AND status = 'active'`,
    );
    await q.query(`
      CREATE TABLE record_tasks (
        id                uuid PRIMARY KEY,
        worker_id         text COLLATE "C" NOT NULL REFERENCES worker_records (worker_id),
        unit_code         text COLLATE "C" NOT NULL,
        kind              text        NOT NULL CHECK (kind IN ('admonishment-talk', 'organisational-adjustment', 'exit-notice')),
        year              int         NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        status            text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reminded', 'escalated', 'done', 'contested', 'cancelled')),
        due_on            date        NOT NULL,
        explanation       jsonb       NOT NULL,
        reminded_at       timestamptz,
        escalated_to      text,
        escalated_at      timestamptz,
        held_on           date,
        done_by           text,
        note              text CHECK (char_length(note) <= 500),
        effective_on      date,
        decided_by        text,
        exit_triggered_at timestamptz,
        cancel_reason     text,
        version           int         NOT NULL DEFAULT 1,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX record_tasks_worker_idx ON record_tasks (worker_id, year)`);
    await q.query(`CREATE INDEX record_tasks_unit_idx ON record_tasks (unit_code, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE record_tasks');
    await q.query('DROP TABLE worker_records');
  }
}
