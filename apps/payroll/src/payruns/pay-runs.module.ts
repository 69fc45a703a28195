import { Module } from '@nestjs/common';
import { PolicyVersionsModule } from '../policy-versions';
import { PayWorkersModule } from '../workers';
import { PayRunRepository } from './pay-run.repository';
import { PayRunsController } from './pay-runs.controller';
import { PayRunsService } from './pay-runs.service';

/** The monthly pay run (PAY-2, PAY-5): slips, unit totals, bank file, and its Schedule's activity. */
@Module({
  imports: [PayWorkersModule, PolicyVersionsModule],
  controllers: [PayRunsController],
  providers: [PayRunRepository, PayRunsService],
  exports: [PayRunsService],
})
export class PayRunsModule {}
