import type { MigrationInterface, QueryRunner } from 'typeorm';

/** REC-3: a street-selected post keeps the explanation of the autonomy check that admitted it. */
export class StreetPostExplanation1766000000310 implements MigrationInterface {
  name = 'StreetPostExplanation1766000000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE campaign_posts ADD COLUMN autonomy_explanation jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE campaign_posts DROP COLUMN autonomy_explanation');
  }
}
