import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PAY-3: a wage corrected after its recalibration was applied re-opens it (a new preview, a new
 * approval, a new apply). `apply_round` counts the applications of a pay year (its pay-change
 * records are keyed by it, so a re-application records the second change beside the first);
 * `reopened_*` say why the year is open again.
 */
export class ReopenRecalibrations1766000000900 implements MigrationInterface {
  name = 'ReopenRecalibrations1766000000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE recalibrations
        ADD COLUMN apply_round          int  NOT NULL DEFAULT 1 CHECK (apply_round >= 1),
        ADD COLUMN reopened_for_revision int,
        ADD COLUMN reopened_reason      text,
        ADD COLUMN reopened_at          timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE recalibrations DROP COLUMN reopened_at, DROP COLUMN reopened_reason, DROP COLUMN reopened_for_revision, DROP COLUMN apply_round',
    );
  }
}
