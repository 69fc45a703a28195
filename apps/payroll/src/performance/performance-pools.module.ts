import { Module } from '@nestjs/common';
import { PolicyVersionsModule } from '../policy-versions';
import { WagesModule } from '../wages';
import { PerformanceInputsHandler } from './events/performance-inputs.handler';
import { PerformanceInputsRepository } from './performance-inputs.repository';
import { PerformancePoolAccess } from './performance-pool-access';
import { PerformancePoolsController } from './performance-pools.controller';
import { PerformancePoolsService } from './performance-pools.service';

/**
 * The performance pool (PAY-5, PAY-6): its inputs from appraisal and workforce events through the
 * inbox, and the pool per unit and worker. Needs the platform DataSource, HTTP wiring, inbox, and PayrollCoreModule.
 */
@Module({
  imports: [WagesModule, PolicyVersionsModule],
  controllers: [PerformancePoolsController],
  providers: [PerformanceInputsRepository, PerformanceInputsHandler, PerformancePoolAccess, PerformancePoolsService],
  exports: [PerformanceInputsRepository],
})
export class PerformancePoolsModule {}
