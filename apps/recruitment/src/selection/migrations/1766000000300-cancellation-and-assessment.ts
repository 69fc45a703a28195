import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cancellation saga and the assessment (考核) of issue 10: when a campaign's published results
 * were withdrawn (REC-7), and each selected applicant's assessment result (null until recorded).
 */
export class CancellationAndAssessment1766000000300 implements MigrationInterface {
  name = 'CancellationAndAssessment1766000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE campaigns ADD COLUMN results_withdrawn_at timestamptz');
    await q.query('ALTER TABLE applicants ADD COLUMN assessment_passed boolean');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE applicants DROP COLUMN assessment_passed');
    await q.query('ALTER TABLE campaigns DROP COLUMN results_withdrawn_at');
  }
}
