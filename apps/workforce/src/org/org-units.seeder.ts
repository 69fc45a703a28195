import type { EntityManager } from 'typeorm';
import type { OrgUnit } from '../seed';

/**
 * Loads the org tree into `org_units` in one statement (arrays unnested server-side), idempotently:
 * new units are inserted; names, parent and region follow the file; households and population are
 * kept once a row exists, because after the first load the API owns them (QUOTA-5 reviews use the
 * current figures). Parents sort before children (code order), so the foreign key holds.
 */
export async function upsertOrgUnits(em: EntityManager, units: readonly OrgUnit[]): Promise<{ inserted: number; total: number }> {
  const sorted = [...units].sort((a, b) => a.code.length - b.code.length || (a.code < b.code ? -1 : 1));
  const col = <T>(pick: (u: OrgUnit) => T): T[] => sorted.map(pick);
  const rows = (await em.query(
    `INSERT INTO org_units (code, name, name_en, kind, parent, region, households, population, synthetic)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::bool[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, parent = EXCLUDED.parent, region = EXCLUDED.region,
       synthetic = EXCLUDED.synthetic
       WHERE (org_units.name, org_units.name_en, org_units.parent, org_units.region, org_units.synthetic)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.name_en, EXCLUDED.parent, EXCLUDED.region, EXCLUDED.synthetic)
     RETURNING (xmax = 0) AS inserted`,
    [
      col((u) => u.code),
      col((u) => u.name),
      col((u) => u.nameEn ?? null),
      col((u) => u.kind),
      col((u) => u.parent),
      col((u) => u.region ?? null),
      col((u) => u.households ?? null),
      col((u) => u.population ?? null),
      col((u) => u.synthetic === true),
    ],
  )) as Array<{ inserted: boolean }>;
  return { inserted: rows.filter((r) => r.inserted).length, total: units.length };
}
