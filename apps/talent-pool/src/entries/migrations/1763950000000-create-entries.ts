import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The entries table. Unqualified names: the connection's search_path is the service schema.
 * - One active entry per person per holding unit: a PARTIAL unique index, so the database, not a
 *   racing pre-check, decides (the service maps its violation to 409).
 * - A CHECK keeps personal data out of every ended entry, whatever code path ended it.
 */
export class CreateEntries1763950000000 implements MigrationInterface {
  name = 'CreateEntries1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE entries (
        id                  uuid        PRIMARY KEY,
        status              text        NOT NULL CHECK (status IN ('active', 'joined', 'withdrawn', 'expired')),
        holding_unit        text        NOT NULL CHECK (holding_unit ~ '^31[0-9]{4}([0-9]{3})?$'),
        source              text        NOT NULL,
        education           text        NOT NULL,
        major               text,
        certificates        text[]      NOT NULL DEFAULT '{}',
        name                text,
        national_id_enc     text,
        national_id_masked  text,
        phone_enc           text,
        phone_masked        text,
        person_ref          text,
        reserve_months      int         NOT NULL CHECK (reserve_months > 0),
        registered_on       date        NOT NULL,
        expires_on          date        NOT NULL CHECK (expires_on > registered_on),
        expires_at          timestamptz NOT NULL,
        reminder_days       int         NOT NULL CHECK (reminder_days >= 0),
        reminded_for        date,
        ended_on            date,
        join_route          text,
        joined_worker_id    text,
        withdraw_reason     text,
        policy_version      text,
        reserve_explanation jsonb       NOT NULL,
        workflow_started_at timestamptz,
        created_by          text        NOT NULL,
        version             int         NOT NULL DEFAULT 1,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT entries_personal_data_only_while_active CHECK (
          status = 'active' OR (name IS NULL AND national_id_enc IS NULL AND national_id_masked IS NULL
                                AND phone_enc IS NULL AND phone_masked IS NULL AND person_ref IS NULL)),
        CONSTRAINT entries_active_has_person CHECK (
          status <> 'active' OR (name IS NOT NULL AND national_id_enc IS NOT NULL AND person_ref IS NOT NULL)),
        CONSTRAINT entries_ended_has_date CHECK ((status = 'active') = (ended_on IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX entries_one_active_per_person_unit ON entries (person_ref, holding_unit) WHERE status = 'active'`);
    // Jurisdiction filters are prefix matches on the unit code (seeds/org-tree/README.md).
    await q.query('CREATE INDEX entries_holding_unit_prefix ON entries (holding_unit text_pattern_ops, created_at DESC)');
    await q.query('CREATE INDEX entries_status_expires ON entries (status, expires_on)');
    await q.query(
      "CREATE INDEX entries_workflow_unstarted ON entries (created_at) WHERE workflow_started_at IS NULL AND status = 'active'",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE entries');
  }
}
