import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Yearly results (APPR-2): one per worker and year, computed at close (draft), calibrated by an
 * operator where a unit's distribution is over the limit (each move kept with its reason), then
 * published; an appeal may change a published grade. `explanation` is @cwp/policy's (sources,
 * weights, dimension scores, mapping); calibration moves and appeal decisions are appended to it.
 */
export class CreateResults1765000000300 implements MigrationInterface {
  name = 'CreateResults1765000000300';

  async up(q: QueryRunner): Promise<void> {
    const grade = (name: string, nullable = false) =>
      `${name} text ${nullable ? '' : 'NOT NULL'} CHECK (${name} IN ('excellent', 'qualified', 'basically-qualified', 'unqualified'))`;
    await q.query(`
      CREATE TABLE results (
        worker_id       text COLLATE "C" NOT NULL,
        year            int          NOT NULL,
        cycle_id        uuid         NOT NULL REFERENCES cycles (id),
        unit_code       text COLLATE "C" NOT NULL,
        entry_route     text         NOT NULL,
        score           numeric(5,2) CHECK (score BETWEEN 0 AND 100),
        ${grade('mapped_grade')},
        ${grade('grade')},
        status          text         NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        policy_version  text         NOT NULL,
        explanation     jsonb        NOT NULL,
        calibrations    jsonb        NOT NULL DEFAULT '[]',
        published_at    timestamptz,
        appeal_status   text CHECK (appeal_status IN ('filed', 'upheld', 'rejected')),
        appeal_reason   text CHECK (char_length(appeal_reason) <= 1000),
        appeal_filed_at timestamptz,
        appeal_decision jsonb,
        version         int          NOT NULL DEFAULT 1,
        updated_at      timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (worker_id, year)
      )`);
    await q.query(`CREATE INDEX results_cycle_idx ON results (cycle_id, worker_id)`);
    await q.query(`CREATE INDEX results_year_unit_idx ON results (year, unit_code)`);
    await q.query(`
      CREATE TABLE incentive_selections (
        level       text        NOT NULL CHECK (level IN ('district', 'city')),
        unit_code   text COLLATE "C" NOT NULL,
        year        int         NOT NULL,
        selected    jsonb       NOT NULL,
        explanation jsonb       NOT NULL,
        selected_by text        NOT NULL,
        selected_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (level, unit_code, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE incentive_selections');
    await q.query('DROP TABLE results');
  }
}
