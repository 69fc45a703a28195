import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A compliance verdict keeps its decision's inputs (service start, off-the-job years of the
 * TRAIN-4 window, four-ones dates; the hours and policy version were already there) instead of
 * its ~820-byte explanation, which the service rebuilds on read from them under the stored policy
 * version (`explainVerdict`). Rows judged before are brought over from their explanation's own
 * `inputs`, which are exactly these values.
 */
export class ComplianceInputsNotExplanations1766000000600 implements MigrationInterface {
  name = 'ComplianceInputsNotExplanations1766000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE compliance_results
        ADD COLUMN service_start date,
        ADD COLUMN off_job_years int[],
        ADD COLUMN four_ones_done jsonb`);
    await q.query(`
      UPDATE compliance_results SET
        service_start = (explanation->'inputs'->>'serviceStart')::date,
        off_job_years = ARRAY(SELECT jsonb_array_elements_text(explanation->'inputs'->'offJobYears')::int),
        four_ones_done = nullif(explanation->'inputs'->'fourOnes', '{}'::jsonb)`);
    await q.query(`
      ALTER TABLE compliance_results
        ALTER COLUMN service_start SET NOT NULL,
        ALTER COLUMN off_job_years SET NOT NULL,
        DROP COLUMN explanation`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The explanation is derivable, not kept: a rollback leaves it empty until the next run rewrites the year.
    await q.query(`ALTER TABLE compliance_results ADD COLUMN explanation jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`ALTER TABLE compliance_results DROP COLUMN service_start, DROP COLUMN off_job_years, DROP COLUMN four_ones_done`);
  }
}
