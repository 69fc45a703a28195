import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STATE_PUBLICATION_MARKS_SQL } from '@cwp/platform';

/**
 * Issue 14 bootstrap: integrators walk entries in (updated_at, id) order (`GET /entries/changes`)
 * and the entry state topic is published in that order, so both are index walks; the marks table
 * remembers how far the state topic has published.
 */
export class EntriesSyncOrder1767000000200 implements MigrationInterface {
  name = 'EntriesSyncOrder1767000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX entries_sync_order ON entries (updated_at, id)');
    await q.query(STATE_PUBLICATION_MARKS_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX entries_sync_order');
    await q.query('DROP TABLE IF EXISTS state_publication_marks');
  }
}
