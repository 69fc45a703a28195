import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import {
  DEVELOPMENT_PLAN_WORKFLOW_TYPE,
  developmentPlanStateQuery,
  developmentPlanWorkflowId,
  planTransferredSignal,
  planWorkerExitedSignal,
  type DevelopmentPlanInput,
  type DevelopmentPlanState,
} from '@cwp/contracts';
import type { PolicyCatalog } from '@cwp/policy';
import { POLICY_CATALOG, WorkflowReconciler, type CommittedWorkflow, type WorkflowStartRequest } from '@cwp/platform';
import { TRAINING_SEARCH_ATTRIBUTES, TRAINING_SETTINGS, trainingWorkflowStart, type TrainingSettings } from '../../core';
import { TraineeRepository } from '../trainee.repository';
import type { TraineeRow } from '../trainee.row';

/**
 * The development plan's timer follows the committed roster row (TRAIN-2). The `worker.hired`
 * handler starts it after its commit through the platform WorkflowStarter; registered with the
 * platform WorkflowReconciler, which starts what a crash or an outage left unstarted. Inputs are
 * ids, dates and the policy's milestone years, never personal data.
 */
@Injectable()
export class PlanWorkflow implements CommittedWorkflow<TraineeRow>, OnModuleInit {
  readonly name = 'training-plan';
  private readonly logger = new Logger('PlanWorkflow');

  constructor(
    private readonly reconciler: WorkflowReconciler,
    private readonly repository: TraineeRepository,
    private readonly client: Client,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
    @Inject(POLICY_CATALOG) private readonly catalog: PolicyCatalog,
    @Inject(TRAINING_SEARCH_ATTRIBUTES) private readonly withSearchAttributes: boolean,
  ) {}

  onModuleInit(): void {
    this.reconciler.register(this);
  }

  inputOf(row: TraineeRow): DevelopmentPlanInput {
    const t = this.catalog.inForce(row.hiredOn).training;
    return {
      workerId: row.workerId,
      unitCode: row.unitCode,
      hiredOn: row.hiredOn,
      qualifiedAfterYears: t.fourOnesWithinYears,
      matureAfterYears: t.matureByYears,
      reminderDaysBeforeDue: this.settings.reminderDaysBeforeDue,
    };
  }

  startOf(row: TraineeRow): WorkflowStartRequest {
    return trainingWorkflowStart({
      workflowType: DEVELOPMENT_PLAN_WORKFLOW_TYPE,
      workflowId: developmentPlanWorkflowId(row.workerId),
      taskQueue: this.settings.taskQueue,
      args: [this.inputOf(row)],
      unitCode: row.unitCode,
      entityId: row.workerId,
      withSearchAttributes: this.withSearchAttributes,
    });
  }

  unstarted(limit: number): Promise<TraineeRow[]> {
    return this.repository.withoutWorkflow(limit);
  }

  markStarted(row: TraineeRow): Promise<void> {
    return this.repository.markWorkflowStarted(row.workerId);
  }

  async exited(workerId: string, exitedOn: string): Promise<void> {
    await this.signal(workerId, (h) => h.signal(planWorkerExitedSignal, { exitedOn }));
  }

  async transferred(workerId: string, unitCode: string): Promise<void> {
    await this.signal(workerId, (h) => h.signal(planTransferredSignal, { unitCode }));
  }

  async state(workerId: string): Promise<DevelopmentPlanState | null> {
    try {
      return await this.client.workflow.getHandle(developmentPlanWorkflowId(workerId)).query(developmentPlanStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  private async signal(workerId: string, send: (h: ReturnType<Client['workflow']['getHandle']>) => Promise<void>): Promise<void> {
    try {
      await send(this.client.workflow.getHandle(developmentPlanWorkflowId(workerId)));
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      this.logger.log({ msg: 'plan workflow not running; signal ignored', workerId });
    }
  }
}
