import { Module } from '@nestjs/common';
import { RecalibrationReopener } from './recalibration-reopener';
import { WageAccess } from './wage-access';
import { WageRepository } from './wage.repository';
import { WagesController } from './wages.controller';
import { WagesService } from './wages.service';
import { RecalibrationNudge } from './workflow/recalibration-nudge';

/** The city average wage (PAY-1, PAY-3). Needs the DataSource, HTTP wiring, outbox, core module. */
@Module({
  controllers: [WagesController],
  providers: [WageRepository, WageAccess, WagesService, RecalibrationNudge, RecalibrationReopener],
  exports: [WageRepository, RecalibrationReopener],
})
export class WagesModule {}
