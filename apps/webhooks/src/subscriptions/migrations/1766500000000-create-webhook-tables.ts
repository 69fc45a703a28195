import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscriptions of HR systems and their deliveries. A delivery is one event for one subscription:
 * `UNIQUE (subscription_id, event_id)` makes the fan-out idempotent on redelivery, `seq` orders
 * deliveries per (subscription, key) the way Kafka ordered the events.
 */
export class CreateWebhookTables1766500000000 implements MigrationInterface {
  name = 'CreateWebhookTables1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subscriptions (
        id            uuid        PRIMARY KEY,
        name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        url           text        NOT NULL CHECK (url ~ '^https?://'),
        event_types   text[]      NOT NULL CHECK (cardinality(event_types) > 0),
        unit_scope    text        NOT NULL CHECK (unit_scope ~ '^31([0-9]{4}|[0-9]{7})?$'),
        secret_sealed text        NOT NULL,
        active        boolean     NOT NULL DEFAULT true,
        created_by    text        NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        deactivated_at timestamptz
      )`);
    await q.query(`CREATE INDEX subscriptions_active_types ON subscriptions USING gin (event_types) WHERE active`);
    await q.query(`
      CREATE TABLE deliveries (
        seq             bigserial   PRIMARY KEY,
        id              uuid        NOT NULL UNIQUE,
        subscription_id uuid        NOT NULL REFERENCES subscriptions (id),
        event_id        uuid        NOT NULL,
        event_type      text        NOT NULL,
        message_key     text        NOT NULL,
        body            text        NOT NULL,
        status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts        int         NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        leased_until    timestamptz,
        last_status     int,
        last_error      text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        delivered_at    timestamptz,
        UNIQUE (subscription_id, event_id)
      )`);
    // The dispatcher's scan: the oldest pending delivery per (subscription, key).
    await q.query(`CREATE INDEX deliveries_pending ON deliveries (subscription_id, message_key, seq) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX deliveries_by_subscription ON deliveries (subscription_id, status, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE deliveries');
    await q.query('DROP TABLE subscriptions');
  }
}
