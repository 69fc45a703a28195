/**
 * Seed data for the workforce service: the org-tree loader (ORG-2, ORG-4) and the synthetic
 * workforce generator. Everything here is pure except loadOrgTreeFile (reads a file).
 */
export { validateOrgTree, type LoadedOrgTree } from './org-tree.loader';
export { loadOrgTreeFile } from './org-tree.file';
export { OrgTreeInvalidError } from './org-tree.errors';
export { buildOrgTreeReport, formatOrgTreeReport } from './org-tree.report';
export * from './org-tree.types';
export { generateWorkforce, planWorkforce, naturalHeadcount, DEFAULT_AS_OF, SHANGHAI_WORKFORCE_SIZE, type GenerateWorkforceOptions } from './generate-workforce';
export { NATURAL_FILL, type Allocation, type StaffingUnit } from './workforce.allocation';
export { seedAreaQuota, STREET_CENTRES, STREET_CENTRES_QUOTA, type StreetCentre } from './seed-quota';
export * from './workforce.types';
export { WorkforceTally } from './workforce-tally';
