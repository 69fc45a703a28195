import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The latest worker state read from the workforce's worker-state topic, per worker (newest version
 * kept), so the reconciliation report can compare every projected row field by field with what the
 * workforce service says the worker is (`GET workers/reconciliation`: `fields`).
 */
export class RememberWorkerStates1766000001200 implements MigrationInterface {
  name = 'RememberWorkerStates1766000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE worker_states_seen (
        worker_id         text PRIMARY KEY,
        workforce_version int  NOT NULL,
        unit_code         text NOT NULL,
        status            text NOT NULL,
        entry_route       text NOT NULL,
        post_category     text NOT NULL,
        post_level        int  NOT NULL,
        post_role         text,
        title             text,
        hired_on          date NOT NULL,
        exited_on         date,
        seen_at           timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE worker_states_seen');
  }
}
