import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InboxConsumer, WorkflowStarter, projectWorkforceWorkers } from '@cwp/platform';
import { TRAINING_SETTINGS, type TrainingSettings } from '../../core';
import { TraineesService } from '../trainees.service';
import { PlanWorkflow } from '../workflow/plan-workflow';
import { WorkerExitEffects } from './worker-exit-effects';

/**
 * The workforce service's worker events, projected through the platform kit (inbox, one effect
 * per event id): `hired` adds the worker to the roster and starts the development plan (TRAIN-2)
 * after the commit through the WorkflowStarter; `transferred` moves the worker (the plan
 * follows); `exited` ends the plan (signal) and whatever the features registered in
 * WorkerExitEffects (a reserve-cadre candidacy, REC-8). Workflows are touched after the commit only.
 */
@Injectable()
export class WorkforceWorkersHandler implements OnModuleInit {
  constructor(
    private readonly inbox: InboxConsumer,
    private readonly trainees: TraineesService,
    private readonly plans: PlanWorkflow,
    private readonly starter: WorkflowStarter,
    private readonly exits: WorkerExitEffects,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  onModuleInit(): void {
    projectWorkforceWorkers(this.inbox, this.settings.workersConsumer, {
      hired: (em, data) => this.trainees.fromHired(em, data),
      transferred: (em, data) => this.trainees.fromTransferred(em, data),
      exited: async (em, data) => {
        if (!(await this.trainees.fromExited(em, data))) return false;
        await this.exits.inTransaction(em, data);
        return true;
      },
      afterHired: (row) => this.starter.startAfterCommit(this.plans, row),
      afterTransferred: ({ workerId, toUnitCode }) => this.plans.transferred(workerId, toUnitCode),
      afterExited: async (data) => {
        await this.plans.exited(data.workerId, data.exitedOn);
        await this.exits.afterCommit(data);
      },
    });
  }
}
