/** The staffing report's public surface (QUOTA-6): the only file other folders import. */
export { ReportsModule } from './reports.module';
export { ReportsService } from './reports.service';
