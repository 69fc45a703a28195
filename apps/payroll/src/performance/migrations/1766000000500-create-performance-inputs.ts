import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PAY-5 / PAY-6: the inputs of the performance pool, projected from other services' events through
 * the inbox (never their tables). `appraisal_grades`: each worker's published grade per appraisal
 * year (APPR-2; an upheld appeal replaces it). `unit_quotas`: each unit's quota (员额) by kind from
 * the workforce quota review (QUOTA-5): the pool is bound to it, not to the headcount.
 */
export class CreatePerformanceInputs1766000000500 implements MigrationInterface {
  name = 'CreatePerformanceInputs1766000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE appraisal_grades (
        worker_id       text        NOT NULL,
        year            int         NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        unit_code       text        COLLATE "C" NOT NULL,
        grade           text        NOT NULL CHECK (grade IN ('excellent', 'qualified', 'basically-qualified', 'unqualified')),
        source          text        NOT NULL CHECK (source IN ('published', 'appeal-upheld')),
        source_event_id uuid        NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (worker_id, year)
      )`);
    await q.query(`
      CREATE TABLE unit_quotas (
        unit_code      text        COLLATE "C" NOT NULL,
        kind           text        NOT NULL CHECK (kind IN ('area', 'centre', 'floating')),
        quota          int         NOT NULL CHECK (quota >= 0),
        review_year    int         NOT NULL,
        effective_from date        NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_code, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE unit_quotas');
    await q.query('DROP TABLE appraisal_grades');
  }
}
