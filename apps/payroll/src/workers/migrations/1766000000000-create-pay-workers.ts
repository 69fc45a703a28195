import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pay-relevant projection of the workforce roster (POST-1, PAY-2), built only from
 * `cwp.workforce.workers` events through the inbox (never the workforce tables). No personal data:
 * ids, codes, dates and pay figures. `unit_code` is COLLATE "C" so scope prefixes use the index.
 * `projection_misses` records events that could not be applied (reconciliation report).
 */
export class CreatePayWorkers1766000000000 implements MigrationInterface {
  name = 'CreatePayWorkers1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pay_workers (
        worker_id         text        PRIMARY KEY,
        unit_code         text        COLLATE "C" NOT NULL CHECK (unit_code ~ '^31[0-9]{7}([0-9]{3})?$'),
        status            text        NOT NULL CHECK (status IN ('on-duty', 'leave', 'exited')),
        entry_route       text        NOT NULL CHECK (entry_route IN ('elected', 'recruited')),
        post_category     text        NOT NULL CHECK (post_category IN ('head', 'manager', 'staff')),
        post_level        int         NOT NULL CHECK (post_level BETWEEN 1 AND 18),
        post_role         text,
        title             text        CHECK (title IN ('junior', 'intermediate', 'senior')),
        hired_on          date        NOT NULL,
        exited_on         date,
        workforce_version int         NOT NULL DEFAULT 1,
        annual_pay_fen    bigint      CHECK (annual_pay_fen >= 0),
        pay_year          int,
        updated_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX pay_workers_unit_idx ON pay_workers (unit_code)');
    await q.query(`
      CREATE TABLE projection_misses (
        event_id    uuid        PRIMARY KEY,
        event_type  text        NOT NULL,
        worker_id   text        NOT NULL,
        reason      text        NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE projection_misses');
    await q.query('DROP TABLE pay_workers');
  }
}
