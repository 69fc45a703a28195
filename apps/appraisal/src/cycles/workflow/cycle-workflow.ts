import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APPRAISAL_CYCLE_WORKFLOW_TYPE, appraisalCycleWorkflowId, type AppraisalCycleInput } from '@cwp/contracts';
import { CWP_SEARCH_ATTRIBUTES, WorkflowReconciler, type CommittedWorkflow, type WorkflowStartRequest } from '@cwp/platform';
import { APPRAISAL_SETTINGS, WORKFLOW_SEARCH_ATTRIBUTES, type AppraisalSettingsValue } from '../../core';
import { CycleRepository } from '../cycle.repository';
import type { CycleRow } from '../cycle.row';

/** The workflow input of a cycle: ids, the unit, the year and the window's instants. */
export function cycleInputOf(row: CycleRow): AppraisalCycleInput {
  return {
    cycleId: row.id,
    unitCode: row.unitCode,
    year: row.year,
    ratingOpensAt: row.ratingOpensAt.toISOString(),
    ratingClosesAt: row.ratingClosesAt.toISOString(),
    reminderDays: row.reminderDays,
  };
}

/**
 * The cycle's timer follows its committed row (APPR-1..4). CyclesService starts it after the
 * opening commits, through the platform WorkflowStarter, and the start is recorded in
 * `workflow_started_at`. Registered with the platform WorkflowReconciler, which starts a cycle
 * whose start a crash or a Temporal outage left unrecorded (at boot, on its sweep, and as soon as
 * Temporal is reachable again). The business-key id (unit and year) makes a second start
 * "already started".
 */
@Injectable()
export class CycleWorkflow implements CommittedWorkflow<CycleRow>, OnModuleInit {
  readonly name = 'appraisal-cycle';

  constructor(
    private readonly reconciler: WorkflowReconciler,
    private readonly repository: CycleRepository,
    @Inject(APPRAISAL_SETTINGS) private readonly settings: AppraisalSettingsValue,
    @Inject(WORKFLOW_SEARCH_ATTRIBUTES) private readonly withSearchAttributes: boolean,
  ) {}

  onModuleInit(): void {
    this.reconciler.register(this);
  }

  startOf(row: CycleRow): WorkflowStartRequest {
    return {
      workflowType: APPRAISAL_CYCLE_WORKFLOW_TYPE,
      workflowId: appraisalCycleWorkflowId(row.unitCode, row.year),
      taskQueue: this.settings.taskQueue,
      args: [cycleInputOf(row)],
      ...(this.withSearchAttributes
        ? {
            typedSearchAttributes: [
              { key: CWP_SEARCH_ATTRIBUTES.unitCode, value: row.unitCode },
              { key: CWP_SEARCH_ATTRIBUTES.entityId, value: row.id },
            ],
          }
        : {}),
    };
  }

  /** Cycles not yet published whose start is not recorded, oldest first. */
  unstarted(limit: number): Promise<CycleRow[]> {
    return this.repository.withoutWorkflow(limit);
  }

  markStarted(row: CycleRow): Promise<void> {
    return this.repository.markWorkflowStarted(row.id);
  }
}
