import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PAY-3: the yearly recalibration. `recalibrations` is the state of each pay year (one row: a second
 * start finds it); `recalibration_groups` the few hundred post/level/service groups with their
 * explanation; `recalibration_lines` one row per worker (old and new pay; `applied` makes the apply
 * resumable and never twice); `pay_changes` the pay history (one row per worker, kind and source).
 */
export class CreateRecalibrations1766000000300 implements MigrationInterface {
  name = 'CreateRecalibrations1766000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recalibrations (
        pay_year                    int         PRIMARY KEY CHECK (pay_year BETWEEN 2000 AND 2200),
        status                      text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'previewed', 'approved', 'applying', 'applied')),
        multiplier                  numeric(8, 6) CHECK (multiplier BETWEEN 1 AND 1.5),
        multiplier_revision         int         NOT NULL DEFAULT 0,
        preview_id                  uuid,
        preview_wage_revision       int,
        preview_multiplier_revision int,
        policy_version              text,
        reference_wage_year         int,
        summary                     jsonb,
        explanation                 jsonb,
        approved_by                 text,
        approved_at                 timestamptz,
        apply_total                 int         NOT NULL DEFAULT 0,
        apply_done                  int         NOT NULL DEFAULT 0,
        apply_started_at            timestamptz,
        applied_at                  timestamptz,
        updated_at                  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE recalibration_groups (
        pay_year          int     NOT NULL,
        group_no          int     NOT NULL,
        post_category     text    NOT NULL,
        post_level        int     NOT NULL,
        years_of_service  int     NOT NULL,
        workers           int     NOT NULL,
        matrix_annual_fen bigint  NOT NULL,
        floor_fen         bigint  NOT NULL,
        extra_workers     int     NOT NULL,
        explanation       jsonb   NOT NULL,
        PRIMARY KEY (pay_year, group_no)
      )`);
    await q.query(`
      CREATE TABLE recalibration_lines (
        pay_year     int     NOT NULL,
        worker_id    text    NOT NULL,
        unit_code    text    COLLATE "C" NOT NULL,
        group_no     int     NOT NULL,
        previous_fen bigint  NOT NULL,
        new_fen      bigint  NOT NULL,
        applied      boolean NOT NULL DEFAULT false,
        PRIMARY KEY (pay_year, worker_id)
      )`);
    // The apply scans what is left in worker order; applied rows drop out of this index.
    await q.query('CREATE INDEX recalibration_lines_todo_idx ON recalibration_lines (pay_year, worker_id) WHERE NOT applied');
    await q.query('CREATE INDEX recalibration_lines_unit_idx ON recalibration_lines (pay_year, unit_code)');
    await q.query(`
      CREATE TABLE pay_changes (
        id             bigserial   PRIMARY KEY,
        worker_id      text        NOT NULL,
        kind           text        NOT NULL CHECK (kind IN ('recalibration')),
        source_key     text        NOT NULL,
        effective_from date        NOT NULL,
        previous_fen   bigint      NOT NULL,
        new_fen        bigint      NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (worker_id, kind, source_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pay_changes');
    await q.query('DROP TABLE recalibration_lines');
    await q.query('DROP TABLE recalibration_groups');
    await q.query('DROP TABLE recalibrations');
  }
}
