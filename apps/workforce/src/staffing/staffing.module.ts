import { Global, Module } from '@nestjs/common';
import { ServiceClock } from '@cwp/platform';
import { StaffingChangesModule } from './staffing-changes.controller';
import { StaffingPublisher } from './staffing-publisher';
import { StaffingSweep } from './staffing-sweep';

/**
 * Each unit's staffing as state on the compacted topic `cwp.workforce.staffing` (issue 10: the
 * recruitment service checks planned posts against vacancies from it). Global so the roster's
 * hire and change paths find the publisher when the app has it (their test apps, without this
 * module, leave it out: they inject it optionally).
 */
@Global()
@Module({
  imports: [StaffingChangesModule],
  providers: [StaffingPublisher, StaffingSweep, ServiceClock],
  exports: [StaffingPublisher],
})
export class StaffingModule {}
