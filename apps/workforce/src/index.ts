export { workforceMigrations } from './migrations';
export { loadReferenceData } from './org/reference-data';
export { runStaffingReport } from './reports/reports.service';
