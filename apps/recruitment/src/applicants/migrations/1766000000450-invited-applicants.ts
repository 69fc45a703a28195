import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10 invitations: an applicant invited from the talent pool is known by the personRef the
 * pool's candidate event carries; no event carries the national ID, so such an applicant has none
 * stored (as the workforce service's recruited workers). Every other applicant still must.
 */
export class InvitedApplicants1766000000450 implements MigrationInterface {
  name = 'InvitedApplicants1766000000450';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE applicants ALTER COLUMN national_id_enc DROP NOT NULL, ALTER COLUMN national_id_masked DROP NOT NULL');
    await q.query(`
      ALTER TABLE applicants ADD CONSTRAINT applicants_national_id_unless_invited
        CHECK ((national_id_enc IS NULL) = (national_id_masked IS NULL)
               AND (national_id_enc IS NOT NULL OR (channel = 'talent-pool' AND talent_pool_entry_id IS NOT NULL)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE applicants DROP CONSTRAINT applicants_national_id_unless_invited');
    await q.query('ALTER TABLE applicants ALTER COLUMN national_id_enc SET NOT NULL, ALTER COLUMN national_id_masked SET NOT NULL');
  }
}
