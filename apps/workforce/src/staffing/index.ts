export { StaffingModule } from './staffing.module';
export { StaffingPublisher } from './staffing-publisher';
export { staffingMigrations } from './migrations';
export { staffingConfig } from './staffing-sweep';
export { StaffingChangesModule } from './staffing-changes.controller';
