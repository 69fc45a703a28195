import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Education now uses the policy library's codes (shared with the workforce service, REC-4):
 * `secondary` became `below-junior-college`. Rows written before the change are renamed.
 */
export class PolicyEducationCodes1764100000000 implements MigrationInterface {
  name = 'PolicyEducationCodes1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE entries SET education = 'below-junior-college' WHERE education = 'secondary'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE entries SET education = 'secondary' WHERE education = 'below-junior-college'`);
  }
}
