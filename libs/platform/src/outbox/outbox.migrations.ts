import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AddOutboxTraceContext1700000000600 } from '../tracing/outbox-trace-context.migrations';

/**
 * The transactional outbox (ARCHITECTURE.md "Events on Kafka"). `seq` gives the publish order
 * (the relay reads `ORDER BY seq`, never "id greater than last seen"); `key` is the aggregate id
 * and the Kafka message key. Unqualified names: the connection's search_path is the service schema.
 * Platform timestamps sit before any service migration so the platform tables exist first.
 */
export class CreateOutbox1700000000100 implements MigrationInterface {
  name = 'CreateOutbox1700000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        seq          bigserial   PRIMARY KEY,
        event_id     uuid        NOT NULL UNIQUE,
        topic        text        NOT NULL,
        message_key  text        NOT NULL,
        event_type   text        NOT NULL,
        envelope     jsonb       NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    // The relay scans only unpublished rows, in seq order; published rows stay for audit/purge.
    await q.query('CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox');
  }
}

export const outboxMigrations = [CreateOutbox1700000000100, AddOutboxTraceContext1700000000600];
