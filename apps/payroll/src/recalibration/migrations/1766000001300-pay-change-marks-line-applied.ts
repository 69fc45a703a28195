import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PAY-3 apply, one row write per worker less: a line is applied when its pay-change record of the
 * year's current round exists (unique per worker, year and round), so the line itself is no longer
 * marked. Its `applied` flag and the partial index of the lines left go (every mark was a new row
 * version and two index entries).
 */
export class PayChangeMarksLineApplied1766000001300 implements MigrationInterface {
  name = 'PayChangeMarksLineApplied1766000001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX recalibration_lines_todo_idx');
    await q.query('ALTER TABLE recalibration_lines DROP COLUMN applied');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE recalibration_lines ADD COLUMN applied boolean NOT NULL DEFAULT false');
    await q.query(`
      UPDATE recalibration_lines l SET applied = true FROM recalibrations r
       WHERE r.pay_year = l.pay_year AND EXISTS (
         SELECT 1 FROM pay_changes c WHERE c.worker_id = l.worker_id AND c.kind = 'recalibration'
            AND c.source_key = CASE WHEN r.apply_round = 1 THEN r.pay_year::text ELSE r.pay_year::text || '#' || r.apply_round END)`);
    await q.query('CREATE INDEX recalibration_lines_todo_idx ON recalibration_lines (pay_year, worker_id) WHERE NOT applied');
  }
}
