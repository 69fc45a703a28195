import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** QUOTA-6 staffing reports over a unit's subtree. */
@Module({ controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
