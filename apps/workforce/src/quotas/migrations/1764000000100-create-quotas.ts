import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staffing quotas (QUOTA-1..5) and floating-quota loans (QUOTA-4). One current row per unit and
 * kind; each carries its explanation (rule IDs, inputs) and the policy version that produced it.
 * - area: `value` is the area's quota, `min..max` its QUOTA-1/2 range, `borrowed` the floating
 *   places it holds from its street;
 * - centre: a street's six centres together (QUOTA-3);
 * - floating: a street's floating pool; `lent` is what is out. The CHECK makes overdrawing
 *   impossible whatever code path writes; the conditional UPDATE makes it a clean refusal.
 */
export class CreateQuotas1764000000100 implements MigrationInterface {
  name = 'CreateQuotas1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quotas (
        unit_code      text COLLATE "C" NOT NULL REFERENCES org_units (code),
        kind           text        NOT NULL CHECK (kind IN ('area', 'centre', 'floating')),
        value          int         NOT NULL CHECK (value >= 0),
        min            int,
        max            int,
        borrowed       int         NOT NULL DEFAULT 0 CHECK (borrowed >= 0),
        lent           int         NOT NULL DEFAULT 0 CHECK (lent >= 0),
        explanation    jsonb       NOT NULL,
        policy_version text        NOT NULL,
        effective_from date        NOT NULL,
        version        int         NOT NULL DEFAULT 1,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_code, kind),
        CONSTRAINT quotas_floating_not_overdrawn CHECK (lent <= value),
        CONSTRAINT quotas_range CHECK (kind <> 'area' OR (min IS NOT NULL AND max IS NOT NULL AND min <= max))
      )`);
    await q.query(`
      CREATE TABLE floating_quota_loans (
        id          uuid        PRIMARY KEY,
        street_code text COLLATE "C" NOT NULL REFERENCES org_units (code),
        area_code   text COLLATE "C" NOT NULL REFERENCES org_units (code),
        amount      int         NOT NULL CHECK (amount > 0),
        status      text        NOT NULL CHECK (status IN ('open', 'returned')),
        lent_on     date        NOT NULL,
        lent_by     text        NOT NULL,
        returned_on date,
        returned_by text,
        version     int         NOT NULL DEFAULT 1,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT floating_loans_area_of_street CHECK (left(area_code, 9) = street_code),
        CONSTRAINT floating_loans_returned CHECK ((status = 'returned') = (returned_on IS NOT NULL))
      )`);
    await q.query('CREATE INDEX floating_quota_loans_street ON floating_quota_loans (street_code, status)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE floating_quota_loans');
    await q.query('DROP TABLE quotas');
  }
}
