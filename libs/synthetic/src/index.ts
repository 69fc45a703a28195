/**
 * @cwp/synthetic: made-up data that looks like Shanghai's, from a seed number. Pure and
 * deterministic (no I/O, no clock): the org-tree generator (seeds/org-tree writes shanghai.json
 * with it), the synthetic workforce generator (demo data, benches, the services' seed CLIs) and
 * the one seeded PRNG both draw from. Services import it; they never re-export it.
 */
export * from './prng';
export { buildOrgTree, DEFAULT_ORG_TREE_SEED } from './org-tree/build-org-tree';
export type { OrgUnitKind, OrgUnitRecord, RegionKind, TreeUnit } from './org-tree/org-tree-unit';
export {
  generateWorkforce,
  planWorkforce,
  naturalHeadcount,
  DEFAULT_AS_OF,
  SHANGHAI_WORKFORCE_SIZE,
  type GenerateWorkforceOptions,
} from './workforce/generate-workforce';
export { NATURAL_FILL, type Allocation, type StaffingUnit } from './workforce/workforce.allocation';
export { seedAreaQuota, STREET_CENTRES, STREET_CENTRES_QUOTA, type StreetCentre } from './workforce/seed-quota';
export * from './workforce/workforce.types';
export { WorkforceTally } from './workforce/workforce-tally';
