import { Module } from '@nestjs/common';
import { LibraryModule } from '../library';
import { RosterModule } from '../roster';
import { ComplianceController } from './compliance.controller';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';
import { ComplianceRuns } from './workflow/compliance-runs';

/** Yearly compliance (TRAIN-2/3/4), the per-unit report and gap-filling recommendations (TRAIN-6). */
@Module({
  imports: [LibraryModule, RosterModule],
  controllers: [ComplianceController],
  providers: [ComplianceRepository, ComplianceService, ComplianceRuns],
  exports: [ComplianceService],
})
export class ComplianceModule {}
