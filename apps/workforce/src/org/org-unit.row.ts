/** The org_units row (snake_case columns) and its column list. */
export const UNIT_KINDS = ['city', 'district', 'street', 'area'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface OrgUnitRow {
  code: string;
  name: string;
  name_en: string | null;
  kind: UnitKind;
  parent: string | null;
  region: string | null;
  households: number | null;
  population: number | null;
  synthetic: boolean;
  version: number;
}

export const ORG_UNIT_COLUMNS = 'code, name, name_en, kind, parent, region, households, population, synthetic, version';

/** Units beneath a unit, by kind: how many, how many direct children, and the areas' totals. */
export interface SubtreeCount {
  kind: string;
  n: number;
  direct: number;
  households: string;
  population: string;
}
