import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workforce service's staffing per unit as its compacted topic last told us (REC-2 plans are
 * checked against it). A copy fed by events only: recruitment never reads workforce tables.
 */
export class CreateUnitStaffing1766000000000 implements MigrationInterface {
  name = 'CreateUnitStaffing1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit_staffing (
        unit_code   text        COLLATE "C" PRIMARY KEY CHECK (unit_code ~ '^31[0-9]{7}([0-9]{3})?$'),
        quota       int         NOT NULL CHECK (quota >= 0),
        headcount   int         NOT NULL CHECK (headcount >= 0),
        vacancies   int         NOT NULL CHECK (vacancies >= 0),
        as_of       timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE unit_staffing');
  }
}
