import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * APPR-5: when the worker's performance record heard the result's current grade. Publication and
 * an upheld appeal commit first and signal after; a signal lost to a Temporal outage leaves this
 * NULL, and the grade sweep re-sends what is published and unsignalled (the record ignores a grade
 * it already has). Results published before this column existed are re-sent once, harmlessly.
 */
export class AddResultsSignalledAt1765000000310 implements MigrationInterface {
  name = 'AddResultsSignalledAt1765000000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE results ADD COLUMN signalled_at timestamptz`);
    await q.query(`CREATE INDEX results_unsignalled_idx ON results (worker_id, year) WHERE status = 'published' AND signalled_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX results_unsignalled_idx`);
    await q.query(`ALTER TABLE results DROP COLUMN signalled_at`);
  }
}
