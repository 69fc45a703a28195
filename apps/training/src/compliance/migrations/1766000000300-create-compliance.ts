import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Yearly training compliance (TRAIN-2, TRAIN-3, TRAIN-4): one row per worker and year, written by
 * the compliance run in set-based chunks (a rerun overwrites the year's row); `explanation` is
 * @cwp/policy's. The per-unit report aggregates it (index on year, unit).
 */
export class CreateCompliance1766000000300 implements MigrationInterface {
  name = 'CreateCompliance1766000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE compliance_results (
        year            int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        worker_id       text COLLATE "C" NOT NULL,
        unit_code       text COLLATE "C" NOT NULL,
        hours           numeric(6, 1) NOT NULL,
        required_hours  numeric(6, 1) NOT NULL,
        hours_met       boolean NOT NULL,
        off_job_due     boolean NOT NULL,
        off_job_met     boolean NOT NULL,
        four_ones       text NOT NULL CHECK (four_ones IN ('complete', 'in-progress', 'overdue')),
        compliant       boolean NOT NULL,
        failed_rules    text[] NOT NULL,
        policy_version  text NOT NULL,
        explanation     jsonb NOT NULL,
        judged_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (year, worker_id)
      )`);
    await q.query(
      `CREATE INDEX compliance_results_unit_idx ON compliance_results (year, unit_code) INCLUDE (compliant, hours_met, off_job_met)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE compliance_results');
  }
}
