/**
 * The org tree (ORG-2) as the workforce service sees it: city → district → street/town →
 * residential/village committee ("area"). Codes are prefix-hierarchical (seeds/org-tree/README.md),
 * so a unit's subtree is every code starting with its code.
 */
export const ORG_UNIT_KINDS = ['city', 'district', 'street', 'area'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** ORG-4: central city (城区), urban-rural fringe (城乡结合区), suburb (郊区). */
export const REGION_KINDS = ['central', 'fringe', 'suburb'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** Code length of each kind: city 2, district 6 (GB/T 2260), street 9, area 12. */
export const CODE_LENGTH: Readonly<Record<OrgUnitKind, number>> = { city: 2, district: 6, street: 9, area: 12 };

export interface OrgUnit {
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly kind: OrgUnitKind;
  /** The parent's code; null for the city only. */
  readonly parent: string | null;
  /** On districts, streets and areas. */
  readonly region?: RegionKind;
  /** On areas only (QUOTA-1, QUOTA-2). */
  readonly households?: number;
  readonly population?: number;
  /** Names or figures are made up, not taken from a real source. */
  readonly synthetic?: boolean;
}

export interface OrgTreeReport {
  version: string | null;
  units: number;
  byKind: Record<OrgUnitKind, number>;
  /** Districts, streets and areas per ORG-4 region. */
  byRegion: Record<RegionKind, { districts: number; streets: number; areas: number }>;
  /** Totals over areas. */
  households: number;
  population: number;
  syntheticUnits: number;
  /** Fewest and most areas under one street. */
  areasPerStreet: { min: number; max: number };
}

export interface OrgTreeProblem {
  /** The unit the problem is about, or `(tree)` for the whole file. */
  code: string;
  problem: string;
}
