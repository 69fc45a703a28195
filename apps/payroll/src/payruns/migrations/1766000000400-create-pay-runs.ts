import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PAY-2, PAY-5: the monthly pay run. One `pay_runs` row per period (YYYY-MM; a second run of a
 * period is refused), one `pay_slips` row per worker and period with base and performance pay
 * (fen) that, over the twelve months of a year, add up exactly to the worker's yearly pay.
 */
export class CreatePayRuns1766000000400 implements MigrationInterface {
  name = 'CreatePayRuns1766000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pay_runs (
        period                 text        PRIMARY KEY CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        policy_version         text        NOT NULL,
        workers                int         NOT NULL,
        base_total_fen         bigint      NOT NULL,
        performance_total_fen  bigint      NOT NULL,
        explanation            jsonb       NOT NULL,
        run_by                 text        NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE pay_slips (
        period           text    NOT NULL REFERENCES pay_runs (period),
        worker_id        text    NOT NULL,
        unit_code        text    COLLATE "C" NOT NULL,
        annual_fen       bigint  NOT NULL,
        base_fen         bigint  NOT NULL,
        performance_fen  bigint  NOT NULL,
        PRIMARY KEY (period, worker_id)
      )`);
    await q.query('CREATE INDEX pay_slips_unit_idx ON pay_slips (period, unit_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pay_slips');
    await q.query('DROP TABLE pay_runs');
  }
}
