import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dead letters of this service's consumers (issue 9): the message a handler kept failing on, with
 * its last error, so an operator can list and replay it. The same message also goes to the
 * consumer's dead-letter topic for tools outside the service. One row per Kafka position.
 */
export class CreateDeadLetters1700000000500 implements MigrationInterface {
  name = 'CreateDeadLetters1700000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dead_letters (
        id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        consumer       text        NOT NULL,
        topic          text        NOT NULL,
        kafka_partition integer    NOT NULL,
        kafka_offset   bigint      NOT NULL,
        message_key    text,
        event_id       text        NOT NULL,
        event_type     text        NOT NULL,
        envelope       jsonb       NOT NULL,
        error          text        NOT NULL,
        attempts       integer     NOT NULL,
        dead_at        timestamptz NOT NULL DEFAULT now(),
        replayed_at    timestamptz,
        replay_outcome text,
        UNIQUE (consumer, topic, kafka_partition, kafka_offset)
      )`);
    await q.query('CREATE INDEX dead_letters_pending_idx ON dead_letters (dead_at) WHERE replayed_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dead_letters');
  }
}

export const deadLetterMigrations = [CreateDeadLetters1700000000500];
