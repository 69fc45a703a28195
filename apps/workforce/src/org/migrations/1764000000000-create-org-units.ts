import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data: the org tree (ORG-2, ORG-4) with each area's households and population (the
 * QUOTA-1/2 inputs, updated through the API). `code` uses the "C" collation so a subtree is a
 * btree range scan (`code LIKE '310101%'`, or `code >= $1 AND code < $1 || '~'`).
 */
export class CreateOrgUnits1764000000000 implements MigrationInterface {
  name = 'CreateOrgUnits1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_units (
        code        text COLLATE "C" PRIMARY KEY CHECK (code ~ '^31([0-9]{4}|[0-9]{7}|[0-9]{10})?$'),
        name        text        NOT NULL,
        name_en     text,
        kind        text        NOT NULL CHECK (kind IN ('city', 'district', 'street', 'area')),
        parent      text COLLATE "C" REFERENCES org_units (code),
        region      text        CHECK (region IN ('central', 'fringe', 'suburb')),
        households  int         CHECK (households >= 0),
        population  int         CHECK (population >= 0),
        synthetic   boolean     NOT NULL DEFAULT false,
        version     int         NOT NULL DEFAULT 1,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT org_units_figures_on_areas CHECK ((kind = 'area') = (households IS NOT NULL AND population IS NOT NULL))
      )`);
    await q.query('CREATE INDEX org_units_parent ON org_units (parent, code)');
    await q.query('CREATE INDEX org_units_kind ON org_units (kind, code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE org_units');
  }
}
