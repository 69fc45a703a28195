import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The idempotent-consumer inbox: one row per (consumer, CloudEvent id) handled, inserted in the
 * same transaction as the handler's effect, so a redelivered event is recognised and skipped.
 */
export class CreateInbox1700000000200 implements MigrationInterface {
  name = 'CreateInbox1700000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbox (
        consumer     text        NOT NULL,
        event_id     text        NOT NULL,
        event_type   text        NOT NULL,
        topic        text        NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inbox');
  }
}

export const inboxMigrations = [CreateInbox1700000000200];
