import { Module } from '@nestjs/common';
import { OrgModule } from '../org';
import { ReportRepository } from './report.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** QUOTA-6 staffing reports over a unit's subtree. */
@Module({
  imports: [OrgModule],
  controllers: [ReportsController],
  providers: [ReportRepository, ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
