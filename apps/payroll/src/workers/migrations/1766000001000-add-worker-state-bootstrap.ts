import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bootstrap of the projection from the workforce's compacted worker-state topic: `projected_from`
 * says whether a row was first written by a `hired` event or by a state event, so the
 * reconciliation report can account for every row (hired events applied + rows bootstrapped).
 */
export class AddWorkerStateBootstrap1766000001000 implements MigrationInterface {
  name = 'AddWorkerStateBootstrap1766000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE pay_workers ADD COLUMN projected_from text NOT NULL DEFAULT 'events' CHECK (projected_from IN ('events', 'state'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE pay_workers DROP COLUMN projected_from');
  }
}
