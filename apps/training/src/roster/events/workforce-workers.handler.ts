import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InboxConsumer, WorkflowStarter, projectWorkforceWorkers } from '@cwp/platform';
import { TRAINING_SETTINGS, type TrainingSettings } from '../../core';
import { TraineesService } from '../trainees.service';
import { PlanWorkflow } from '../workflow/plan-workflow';

/**
 * The workforce service's worker events, projected through the platform kit (inbox, one effect
 * per event id): `hired` adds the worker to the roster and starts the development plan (TRAIN-2)
 * after the commit through the WorkflowStarter; `transferred` moves the worker (the plan
 * follows); `exited` ends the plan (signal). Workflows are touched after the commit only.
 */
@Injectable()
export class WorkforceWorkersHandler implements OnModuleInit {
  constructor(
    private readonly inbox: InboxConsumer,
    private readonly trainees: TraineesService,
    private readonly plans: PlanWorkflow,
    private readonly starter: WorkflowStarter,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  onModuleInit(): void {
    projectWorkforceWorkers(this.inbox, this.settings.workersConsumer, {
      hired: (em, data) => this.trainees.fromHired(em, data),
      transferred: (em, data) => this.trainees.fromTransferred(em, data),
      exited: (em, data) => this.trainees.fromExited(em, data),
      afterHired: (row) => this.starter.startAfterCommit(this.plans, row),
      afterTransferred: ({ workerId, toUnitCode }) => this.plans.transferred(workerId, toUnitCode),
      afterExited: ({ workerId, exitedOn }) => this.plans.exited(workerId, exitedOn),
    });
  }
}
