import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The talent pool's reserve entries as its candidate topic last told us (issue 10 invitations): a
 * projection fed by `cwp.talentpool.entry.candidate.v1` only; recruitment never reads the pool's
 * tables. The person's keyed personRef and birth facts are held only while the entry is active,
 * as in the pool (a CHECK forbids them on an ended entry). Certificates are the pool's codes.
 */
export class CreateReserveEntries1766000000440 implements MigrationInterface {
  name = 'CreateReserveEntries1766000000440';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reserve_entries (
        entry_id      uuid        PRIMARY KEY,
        holding_unit  text        COLLATE "C" NOT NULL,
        status        text        NOT NULL,
        source        text        NOT NULL,
        education     text        NOT NULL,
        major         text,
        certificates  text[]      NOT NULL DEFAULT '{}',
        expires_on    date        NOT NULL,
        ended_on      date,
        person_ref    text,
        birth_date    date,
        gender        text,
        version       int         NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reserve_entries_person_only_while_active
          CHECK (status = 'active' OR (person_ref IS NULL AND birth_date IS NULL AND gender IS NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE reserve_entries');
  }
}
