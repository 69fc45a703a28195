import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail (ORG-2: every change and every refused access is traceable). Unqualified names:
 * the connection's search_path is the service schema. Append-only is enforced by the database,
 * not by goodwill: a trigger raises on UPDATE, DELETE and TRUNCATE for every role but superusers
 * who drop the trigger, and UPDATE/DELETE/TRUNCATE are revoked from the application role
 * `cwp_app` where it exists (and from PUBLIC).
 */
export class CreateAuditLog1700000000300 implements MigrationInterface {
  name = 'CreateAuditLog1700000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id             bigserial   PRIMARY KEY,
        occurred_at    timestamptz NOT NULL DEFAULT now(),
        request_id     text,
        subject        text        NOT NULL,
        role           text        NOT NULL,
        unit_code      text        NOT NULL,
        outcome        text        NOT NULL CHECK (outcome IN ('allowed', 'denied')),
        action         text        NOT NULL,
        entity         text        NOT NULL,
        entity_id      text,
        changed_fields text[]      NOT NULL DEFAULT '{}',
        before         jsonb,
        after          jsonb,
        reason         text
      )`);
    // City operators look up one record's history, or one operator's actions, over time.
    await q.query('CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, occurred_at)');
    await q.query('CREATE INDEX audit_log_subject_idx ON audit_log (subject, occurred_at)');
    await q.query('CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at)');
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    await q.query('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC');
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cwp_app') THEN
          EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM cwp_app';
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
    await q.query('DROP FUNCTION audit_log_append_only()');
  }
}

export const auditMigrations = [CreateAuditLog1700000000300];
