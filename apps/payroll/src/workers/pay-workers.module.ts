import { Module } from '@nestjs/common';
import { WorkerStateBootstrapHandler } from './events/worker-state-bootstrap.handler';
import { WorkforceWorkersHandler } from './events/workforce-workers.handler';
import { PayWorkerAccess } from './pay-worker-access';
import { PayWorkerRepository } from './pay-worker.repository';
import { PayWorkersController } from './pay-workers.controller';
import { PayWorkersService } from './pay-workers.service';

/**
 * The pay projection of the workforce (POST-1, PAY-2): consumer, reads, reconciliation. Needs the
 * platform DataSource, HTTP wiring, inbox, and PayrollCoreModule.
 */
@Module({
  controllers: [PayWorkersController],
  providers: [PayWorkerRepository, PayWorkerAccess, PayWorkersService, WorkforceWorkersHandler, WorkerStateBootstrapHandler],
  exports: [PayWorkerRepository, PayWorkerAccess],
})
export class PayWorkersModule {}
