import { Module } from '@nestjs/common';
import { WorkforceStaffingHandler } from './events/workforce-staffing.handler';
import { StaffingRepository } from './staffing.repository';

/**
 * Each unit's staffing as published by the workforce service (quota, headcount, vacancies), kept
 * from its compacted topic. Campaign plans are checked against it (planned posts ≤ vacancies).
 */
@Module({
  providers: [StaffingRepository, WorkforceStaffingHandler],
  exports: [StaffingRepository],
})
export class StaffingModule {}
