import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of mutating requests (ARCHITECTURE "Mutating endpoints accept an
 * Idempotency-Key header"). Keyed by (subject, key): one operator's key never collides with
 * another's. Rows expire after 24 h; expired rows are reused on conflict and purged in batches.
 */
export class CreateIdempotencyKeys1700000000400 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1700000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        subject         text        NOT NULL,
        idem_key        text        NOT NULL,
        request_hash    text        NOT NULL,
        method          text        NOT NULL,
        path            text        NOT NULL,
        state           text        NOT NULL CHECK (state IN ('in_progress', 'completed')),
        response_status integer,
        response_body   jsonb,
        created_at      timestamptz NOT NULL DEFAULT now(),
        completed_at    timestamptz,
        expires_at      timestamptz NOT NULL,
        PRIMARY KEY (subject, idem_key)
      )`);
    await q.query('CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_keys');
  }
}

export const idempotencyMigrations = [CreateIdempotencyKeys1700000000400];
