import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C trace context (`{ traceparent, tracestate? }`) of the transaction that appended an
 * outbox row: the relay sends it as Kafka headers, so the consumer's span joins the request's
 * trace (issue 9). Null for rows written outside a trace.
 */
export class AddOutboxTraceContext1700000000600 implements MigrationInterface {
  name = 'AddOutboxTraceContext1700000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox ADD COLUMN trace_context jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox DROP COLUMN trace_context');
  }
}
