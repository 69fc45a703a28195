import { Module } from '@nestjs/common';
import { WorkforceWorkersHandler } from './events/workforce-workers.handler';
import { WorkerExitEffects } from './events/worker-exit-effects';
import { TraineeAccess } from './trainee-access';
import { TraineeRepository } from './trainee.repository';
import { TraineesController } from './trainees.controller';
import { TraineesService } from './trainees.service';
import { PlanWorkflow } from './workflow/plan-workflow';

/**
 * The training roster (from workforce events) and each worker's development plan (TRAIN-2).
 * Needs from the root module: the DataSource, HTTP wiring, the OutboxWriter, the InboxConsumer,
 * the Temporal Client + WorkflowStarter/Reconciler and TrainingCoreModule.
 */
@Module({
  controllers: [TraineesController],
  providers: [TraineeRepository, TraineeAccess, TraineesService, PlanWorkflow, WorkforceWorkersHandler, WorkerExitEffects],
  exports: [TraineesService, TraineeRepository, TraineeAccess, PlanWorkflow, WorkerExitEffects],
})
export class RosterModule {}
