/**
 * A unit of an org-tree file as the generators read and write it (seeds/org-tree/README.md). The
 * services validate such a file with the platform's org-tree validator; the generators only need
 * these fields, so any validated unit (the platform's OrgUnit included) can be passed in.
 */
import type { RegionKind } from './streets';

export type { RegionKind } from './streets';
export type OrgUnitKind = 'city' | 'district' | 'street' | 'area';

/** What the workforce generator reads of a unit. */
export interface TreeUnit {
  readonly code: string;
  readonly kind: OrgUnitKind;
  readonly parent: string | null;
  readonly region?: RegionKind;
  /** On areas only (QUOTA-1/2 seed quota). */
  readonly households?: number;
}

/** A unit as the org-tree generator writes it (one line of shanghai.json). */
export interface OrgUnitRecord extends TreeUnit {
  code: string;
  name: string;
  nameEn?: string;
  kind: OrgUnitKind;
  parent: string | null;
  region?: RegionKind;
  households?: number;
  population?: number;
  synthetic?: true;
}
