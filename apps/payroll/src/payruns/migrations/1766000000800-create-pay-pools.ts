import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PAY-5, PAY-6: the performance pool paid on the monthly slips. `pay_pools` is one row per period
 * and unit whose instalment fell due: the pool's inputs as the run read them (quota, reference wage,
 * members per grade, the policy version is the run's), what it paid, or which inputs were missing
 * (no line is paid then). `pay_pool_lines` is each member's share, the slip's performance line.
 */
export class CreatePayPools1766000000800 implements MigrationInterface {
  name = 'CreatePayPools1766000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pay_pools (
        period              text    NOT NULL REFERENCES pay_runs (period),
        unit_code           text    COLLATE "C" NOT NULL,
        status              text    NOT NULL CHECK (status IN ('paid', 'inputs-missing')),
        missing             text[]  NOT NULL DEFAULT '{}',
        appraisal_year      int     NOT NULL,
        instalment          int     NOT NULL,
        instalments         int     NOT NULL CHECK (instalments IN (1, 4)),
        quota               int,
        reference_wage_year int,
        reference_wage_fen  bigint,
        grade_counts        jsonb   NOT NULL,
        ungraded            int     NOT NULL,
        pool_fen            bigint,
        instalment_fen      bigint,
        distributed_fen     bigint,
        PRIMARY KEY (period, unit_code)
      )`);
    await q.query(`
      CREATE TABLE pay_pool_lines (
        period      text    NOT NULL,
        worker_id   text    NOT NULL,
        unit_code   text    COLLATE "C" NOT NULL,
        grade       text    CHECK (grade IN ('excellent', 'qualified', 'basically-qualified', 'unqualified')),
        share_fen   bigint  NOT NULL CHECK (share_fen >= 0),
        PRIMARY KEY (period, worker_id),
        FOREIGN KEY (period, unit_code) REFERENCES pay_pools (period, unit_code)
      )`);
    await q.query(`ALTER TABLE pay_runs ADD COLUMN pools jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE pay_runs DROP COLUMN pools');
    await q.query('DROP TABLE pay_pool_lines');
    await q.query('DROP TABLE pay_pools');
  }
}
