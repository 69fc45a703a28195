/** The staffing report's public surface (QUOTA-6): the only file other folders import. */
export { ReportsModule } from './reports.module';
export { ReportsService } from './reports.service';
// The report's query and figures as the benches time them (through @cwp/workforce/testing).
export { ReportRepository } from './report.repository';
export { buildStaffingReport } from './report-figures';
export { STAFFING_REPORT_SQL } from './report.sql';
