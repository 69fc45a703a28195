import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Education takes the policy library's codes, shared with the talent pool (REC-4):
 * `high-school` → `below-junior-college`, `doctor` → `doctorate`. Stored rows are renamed and the
 * CHECK keeps the vocabulary closed under the new codes.
 */
export class PolicyEducationCodes1764000100200 implements MigrationInterface {
  name = 'PolicyEducationCodes1764000100200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE workers DROP CONSTRAINT workers_education_check');
    await q.query(`UPDATE workers SET education = CASE education WHEN 'high-school' THEN 'below-junior-college' WHEN 'doctor' THEN 'doctorate' ELSE education END
                   WHERE education IN ('high-school', 'doctor')`);
    await q.query(`ALTER TABLE workers ADD CONSTRAINT workers_education_check
                   CHECK (education IN ('below-junior-college', 'junior-college', 'bachelor', 'master', 'doctorate'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE workers DROP CONSTRAINT workers_education_check');
    await q.query(`UPDATE workers SET education = CASE education WHEN 'below-junior-college' THEN 'high-school' WHEN 'doctorate' THEN 'doctor' ELSE education END
                   WHERE education IN ('below-junior-college', 'doctorate')`);
    await q.query(`ALTER TABLE workers ADD CONSTRAINT workers_education_check
                   CHECK (education IN ('high-school', 'junior-college', 'bachelor', 'master', 'doctor'))`);
  }
}
