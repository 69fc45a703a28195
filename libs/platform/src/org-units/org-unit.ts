/** One unit of the org tree (seeds/org-tree/README.md; ORG-2, ORG-4). */
export type OrgUnitKind = 'city' | 'district' | 'street' | 'area';
export type RegionKind = 'central' | 'fringe' | 'suburb';

export interface OrgUnit {
  code: string;
  name: string;
  nameEn?: string;
  kind: OrgUnitKind;
  parent: string | null;
  region?: RegionKind;
  households?: number;
  population?: number;
  synthetic?: boolean;
}

/** Code length of each kind: city `31`, district 6, street/town 9, residential area 12 digits. */
export const CODE_LENGTH: Readonly<Record<OrgUnitKind, number>> = { city: 2, district: 6, street: 9, area: 12 };

export const CITY_CODE = '31';

export function kindOfCode(code: string): OrgUnitKind | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return (Object.keys(CODE_LENGTH) as OrgUnitKind[]).find((k) => CODE_LENGTH[k] === code.length);
}

/**
 * The prefix rule: a unit is within a scope when its code starts with the scope's code. Pure, so
 * it also works for codes not (yet) in the tree; callers that need existence use the directory.
 */
export function isCodeWithin(scopeCode: string, unitCode: string): boolean {
  return scopeCode.length > 0 && unitCode.startsWith(scopeCode);
}
