import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STATE_PUBLICATION_MARKS_SQL } from '@cwp/platform';

/**
 * Issue 14 bootstrap: integrators walk the roster in (updated_at, id) order (`GET /workers/changes`)
 * and the worker state topic is published in that order, so both are index walks; the marks table
 * remembers how far the state topic has published.
 */
export class WorkersSyncOrder1767000000100 implements MigrationInterface {
  name = 'WorkersSyncOrder1767000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX workers_sync_order ON workers (updated_at, id)');
    await q.query(STATE_PUBLICATION_MARKS_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX workers_sync_order');
    await q.query('DROP TABLE IF EXISTS state_publication_marks');
  }
}
