import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staffing figures last published per unit on `cwp.workforce.staffing` (QUOTA-6): the
 * publisher compares the figures now with these and publishes only the units that changed.
 */
export class CreateStaffingPublished1766000000300 implements MigrationInterface {
  name = 'CreateStaffingPublished1766000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staffing_published (
        unit_code    text        COLLATE "C" PRIMARY KEY,
        quota        int         NOT NULL,
        headcount    int         NOT NULL,
        vacancies    int         NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE staffing_published');
  }
}
