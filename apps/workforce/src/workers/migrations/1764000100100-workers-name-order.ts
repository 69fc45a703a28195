import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roster's default order (name, then id) as an index, so a city-wide first page is an index
 * walk that stops after the page instead of a sort of every worker (workers-roster.bench.ts).
 */
export class WorkersNameOrder1764000100100 implements MigrationInterface {
  name = 'WorkersNameOrder1764000100100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX workers_name_order ON workers (name, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX workers_name_order');
  }
}
