import { Module } from '@nestjs/common';
import { PolicyVersionsModule } from '../policy-versions';
import { WagesModule } from '../wages';
import { PayWorkersModule } from '../workers';
import { RecalibrationAccess } from './recalibration-access';
import { RecalibrationRunner } from './recalibration-runner.service';
import { RecalibrationRepository } from './recalibration.repository';
import { RecalibrationsController } from './recalibrations.controller';
import { RecalibrationsService } from './recalibrations.service';
import { RecalibrationWorkflows } from './workflow/recalibration-workflows';

/**
 * The yearly recalibration (PAY-3, PAY-4, PAY-5, PAY-7, PAY-8): API, the runner behind the
 * workflow's activities, and the workflow client side. Needs Temporal's Client (PlatformTemporalModule).
 */
@Module({
  imports: [PayWorkersModule, WagesModule, PolicyVersionsModule],
  controllers: [RecalibrationsController],
  providers: [RecalibrationRepository, RecalibrationRunner, RecalibrationAccess, RecalibrationsService, RecalibrationWorkflows],
  exports: [RecalibrationRunner],
})
export class RecalibrationModule {}
