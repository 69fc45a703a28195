import { Module } from '@nestjs/common';
import { PolicyVersionsModule } from '../policy-versions';
import { WagesModule } from '../wages';
import { PayWorkersModule } from '../workers';
import { PayPoolRepository } from './pay-pool.repository';
import { PayRunPools } from './pay-run-pools';
import { PayRunRepository } from './pay-run.repository';
import { PayRunsController } from './pay-runs.controller';
import { PayRunsService } from './pay-runs.service';

/** The monthly pay run (PAY-2, PAY-5, PAY-6): slips with the pool's performance line, unit totals, pools, register, bank file, events, and its Schedule's activity. */
@Module({
  imports: [PayWorkersModule, PolicyVersionsModule, WagesModule],
  controllers: [PayRunsController],
  providers: [PayRunRepository, PayPoolRepository, PayRunPools, PayRunsService],
  exports: [PayRunsService],
})
export class PayRunsModule {}
