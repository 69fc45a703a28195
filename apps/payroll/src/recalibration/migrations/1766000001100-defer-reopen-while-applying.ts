import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PAY-3: a wage corrected while its recalibration is approved or applying cannot stop the apply
 * half-way (the approved figures go out whole); the correction is kept here and re-opens the year
 * in the transaction that finishes the apply (wages/recalibration-reopener.ts).
 */
export class DeferReopenWhileApplying1766000001100 implements MigrationInterface {
  name = 'DeferReopenWhileApplying1766000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE recalibrations
        ADD COLUMN reopen_pending_revision int,
        ADD COLUMN reopen_pending_reason   text,
        ADD CONSTRAINT recalibrations_reopen_pending_whole
          CHECK ((reopen_pending_revision IS NULL) = (reopen_pending_reason IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE recalibrations DROP CONSTRAINT recalibrations_reopen_pending_whole, DROP COLUMN reopen_pending_reason, DROP COLUMN reopen_pending_revision',
    );
  }
}
