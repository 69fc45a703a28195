import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10: a worker appointed through the recruitment service arrives with its `personRef` (the
 * keyed hash matching the person across services) but never the national ID, which stays with
 * recruitment (no ID number in events). A stored ID still always has its personRef.
 */
export class PersonRefWithoutNationalId1766000000400 implements MigrationInterface {
  name = 'PersonRefWithoutNationalId1766000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE workers DROP CONSTRAINT workers_national_id_whole');
    await q.query(
      'ALTER TABLE workers ADD CONSTRAINT workers_national_id_has_person_ref CHECK (national_id_enc IS NULL OR person_ref IS NOT NULL)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE workers DROP CONSTRAINT workers_national_id_has_person_ref');
    await q.query('ALTER TABLE workers ADD CONSTRAINT workers_national_id_whole CHECK ((national_id_enc IS NULL) = (person_ref IS NULL))');
  }
}
