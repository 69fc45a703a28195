import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { RESERVE_CADRE_WORKFLOW_TYPE, reserveCadreEndedSignal, reserveCadreWorkflowId, type ReserveCadreInput } from '@cwp/contracts';
import { WorkflowReconciler, type CommittedWorkflow, type WorkflowStartRequest } from '@cwp/platform';
import { TRAINING_SEARCH_ATTRIBUTES, TRAINING_SETTINGS, trainingWorkflowStart, type TrainingSettings } from '../../core';
import { CadreRepository } from '../cadre.repository';
import type { CadreRow } from '../cadre.row';

/** REC-8 "reviewed yearly". */
const REVIEW_EVERY_YEARS = 1;

/**
 * A confirmed reserve cadre's yearly review timer follows the committed row: started after the
 * district's confirmation through the platform WorkflowStarter, registered with the platform
 * WorkflowReconciler for what a crash or an outage left unstarted. Input: ids and a date.
 */
@Injectable()
export class CadreWorkflow implements CommittedWorkflow<CadreRow>, OnModuleInit {
  readonly name = 'training-cadre';
  private readonly logger = new Logger('CadreWorkflow');

  constructor(
    private readonly reconciler: WorkflowReconciler,
    private readonly repository: CadreRepository,
    private readonly client: Client,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
    @Inject(TRAINING_SEARCH_ATTRIBUTES) private readonly withSearchAttributes: boolean,
  ) {}

  onModuleInit(): void {
    this.reconciler.register(this);
  }

  startOf(row: CadreRow): WorkflowStartRequest {
    const input: ReserveCadreInput = { cadreId: row.id, confirmedOn: row.decidedOn!, reviewEveryYears: REVIEW_EVERY_YEARS };
    return trainingWorkflowStart({
      workflowType: RESERVE_CADRE_WORKFLOW_TYPE,
      workflowId: reserveCadreWorkflowId(row.id),
      taskQueue: this.settings.taskQueue,
      args: [input],
      unitCode: row.unitCode,
      entityId: row.id,
      withSearchAttributes: this.withSearchAttributes,
    });
  }

  unstarted(limit: number): Promise<CadreRow[]> {
    return this.repository.withoutWorkflow(limit);
  }

  markStarted(row: CadreRow): Promise<void> {
    return this.repository.markWorkflowStarted(row.id);
  }

  /** Ends the timer at once; a lost signal is caught at the next review point (the activity reads the row). */
  async ended(cadreId: string, reason: 'removed' | 'exited'): Promise<void> {
    try {
      await this.client.workflow.getHandle(reserveCadreWorkflowId(cadreId)).signal(reserveCadreEndedSignal, { reason });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError))
        this.logger.warn({ msg: 'cadre end signal failed; the next review point ends it', cadreId });
    }
  }
}
