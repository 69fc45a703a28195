import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Back pay (arrears): a yearly pay that changed after months of the year were paid (a recalibration
 * approved in April, a post level corrected back-dated) is never a silent overwrite. The next
 * monthly run writes one `pay_arrears` line per worker and earlier month still short (or over) of
 * what the yearly pay now in force makes due, and the slip carries their sum.
 */
export class CreatePayArrears1766000000600 implements MigrationInterface {
  name = 'CreatePayArrears1766000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE pay_slips ADD COLUMN arrears_fen bigint NOT NULL DEFAULT 0');
    await q.query('ALTER TABLE pay_runs ADD COLUMN arrears_total_fen bigint NOT NULL DEFAULT 0');
    await q.query(`
      CREATE TABLE pay_arrears (
        period           text    NOT NULL REFERENCES pay_runs (period),
        worker_id        text    NOT NULL,
        for_period       text    NOT NULL,
        paid_annual_fen  bigint  NOT NULL,
        due_annual_fen   bigint  NOT NULL,
        paid_fen         bigint  NOT NULL,
        due_fen          bigint  NOT NULL,
        arrears_fen      bigint  NOT NULL,
        PRIMARY KEY (period, worker_id, for_period)
      )`);
    await q.query('CREATE INDEX pay_arrears_month_idx ON pay_arrears (worker_id, for_period)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pay_arrears');
    await q.query('ALTER TABLE pay_runs DROP COLUMN arrears_total_fen');
    await q.query('ALTER TABLE pay_slips DROP COLUMN arrears_fen');
  }
}
