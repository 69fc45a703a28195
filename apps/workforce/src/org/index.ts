/** The org tree feature's public surface (ORG-2, ORG-4): the only file other folders import. */
export { OrgModule } from './org.module';
export { OrgUnitRepository } from './org-unit.repository';
export { OrgUnitsService } from './org-units.service';
export { orgMigrations } from './migrations';
export type { OrgUnitRow, UnitKind } from './org-unit.row';
