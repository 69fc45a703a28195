import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roster: `workers` (one row per person employed, kept after exit for turnover reports) and
 * `worker_history` (one append-only row per hire, change, promotion, leave, return, transfer and
 * exit: what QUOTA-6 turnover and on-duty figures are counted from). Unqualified names: the
 * connection's search_path is the service schema.
 *
 * - `unit_code` is the employing street (9 digits, its six centres, QUOTA-3) or residential area
 *   (12 digits). Jurisdiction and reports filter by code prefix (seeds/org-tree/README.md), so the
 *   index uses `text_pattern_ops`: a left-anchored LIKE '310101%' is a btree range scan.
 * - The national ID is optional; when given it is stored only encrypted (AES-256-GCM) beside a
 *   display mask and `person_ref`, its keyed hash (libs/contracts worker-hired.ts), which is what
 *   leaves the service. One non-exited worker per person: a partial unique index decides.
 * - CHECKs keep the vocabularies closed (ORG-3, POST-1, POST-3, PROM-1) whatever code path writes.
 */
export class CreateWorkers1764000100000 implements MigrationInterface {
  name = 'CreateWorkers1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workers (
        id                   uuid        PRIMARY KEY,
        unit_code            text        NOT NULL CHECK (unit_code ~ '^31[0-9]{7}([0-9]{3})?$'),
        status               text        NOT NULL CHECK (status IN ('on-duty', 'leave', 'exited')),
        entry_route          text        NOT NULL CHECK (entry_route IN ('elected', 'recruited')),
        post_category        text        NOT NULL CHECK (post_category IN ('head', 'manager', 'staff')),
        post_level           int         NOT NULL CHECK (post_level BETWEEN 1 AND 18),
        post_role            text        CHECK (post_role IN ('business-manager', 'administrative-manager', 'specialist', 'supervisor')),
        title                text        CHECK (title IN ('junior', 'intermediate', 'senior')),
        role                 text        NOT NULL CHECK (role IN ('staff', 'specialist', 'supervisor', 'manager', 'head')),
        name                 text        NOT NULL,
        gender               text        CHECK (gender IN ('female', 'male')),
        birth_date           date        NOT NULL,
        education            text        NOT NULL CHECK (education IN ('high-school', 'junior-college', 'bachelor', 'master', 'doctor')),
        major                text,
        hired_on             date        NOT NULL,
        exited_on            date,
        exit_cause           text,
        exit_explanation     jsonb,
        national_id_enc      text,
        national_id_masked   text,
        person_ref           text        CHECK (person_ref ~ '^[0-9a-f]{64}$'),
        talent_pool_entry_id uuid,
        campaign_id          text,
        created_by           text        NOT NULL,
        version              int         NOT NULL DEFAULT 1,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT workers_exit_facts CHECK ((status = 'exited') = (exited_on IS NOT NULL AND exit_cause IS NOT NULL)),
        CONSTRAINT workers_exit_after_hire CHECK (exited_on IS NULL OR exited_on >= hired_on),
        CONSTRAINT workers_national_id_whole CHECK ((national_id_enc IS NULL) = (person_ref IS NULL))
      )`);
    await q.query('CREATE INDEX workers_unit_prefix ON workers (unit_code text_pattern_ops, status)');
    await q.query('CREATE INDEX workers_hired_on ON workers (hired_on)');
    await q.query('CREATE INDEX workers_exited_on ON workers (exited_on) WHERE exited_on IS NOT NULL');
    await q.query(
      `CREATE UNIQUE INDEX workers_one_current_per_person ON workers (person_ref) WHERE person_ref IS NOT NULL AND status <> 'exited'`,
    );
    await q.query('CREATE INDEX workers_talent_pool_entry ON workers (talent_pool_entry_id) WHERE talent_pool_entry_id IS NOT NULL');

    // kind: what happened; unit_code: the worker's unit after it (for a transfer, the destination;
    // from_unit_code the origin); occurred_on: the effective calendar date (Shanghai).
    await q.query(`
      CREATE TABLE worker_history (
        id             bigserial   PRIMARY KEY,
        worker_id      uuid        NOT NULL REFERENCES workers (id),
        kind           text        NOT NULL CHECK (kind IN ('hired', 'changed', 'promoted', 'leave', 'returned', 'transferred', 'exited')),
        unit_code      text        NOT NULL,
        from_unit_code text,
        occurred_on    date        NOT NULL,
        details        jsonb       NOT NULL DEFAULT '{}',
        recorded_by    text        NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT worker_history_transfer_has_origin CHECK ((kind = 'transferred') = (from_unit_code IS NOT NULL))
      )`);
    await q.query('CREATE INDEX worker_history_unit_kind ON worker_history (unit_code text_pattern_ops, kind, occurred_on)');
    await q.query(
      'CREATE INDEX worker_history_from_unit ON worker_history (from_unit_code text_pattern_ops, occurred_on) WHERE from_unit_code IS NOT NULL',
    );
    await q.query('CREATE INDEX worker_history_worker ON worker_history (worker_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE worker_history');
    await q.query('DROP TABLE workers');
  }
}
