export { StaffingModule } from './staffing.module';
export { StaffingRepository } from './staffing.repository';
export { staffingMigrations } from './migrations';
export { WorkforceStaffingHandler } from './events/workforce-staffing.handler';
