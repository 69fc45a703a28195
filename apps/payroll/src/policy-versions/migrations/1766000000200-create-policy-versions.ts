import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policy parameter versions stored by city operators (e.g. a `2027-proposal` variant from a date),
 * beside the versions libs/policy ships. Immutable: a change is a new version with its own id and
 * effective date. `body` is the raw version as libs/policy validated it.
 */
export class CreatePolicyVersions1766000000200 implements MigrationInterface {
  name = 'CreatePolicyVersions1766000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policy_versions (
        id             text        PRIMARY KEY,
        effective_from date        NOT NULL UNIQUE,
        body           jsonb       NOT NULL,
        stored_by      text        NOT NULL,
        stored_at      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE policy_versions');
  }
}
