export { ComplianceModule } from './compliance.module';
export { ComplianceService } from './compliance.service';
export { ComplianceRepository } from './compliance.repository';
export { createComplianceActivities } from './workflow/compliance.activities';
export { complianceSchedule } from './workflow/compliance.schedule';
export { complianceMigrations } from './migrations';
export { COMPLIANCE_REPORT_HEADERS, complianceReportCells } from './compliance-export';
