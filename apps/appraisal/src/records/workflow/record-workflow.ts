import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { PERFORMANCE_RECORD_WORKFLOW_TYPE, performanceRecordWorkflowId, type PerformanceRecordInput } from '@cwp/contracts';
import { CWP_SEARCH_ATTRIBUTES, WorkflowReconciler, type CommittedWorkflow, type WorkflowStartRequest } from '@cwp/platform';
import { APPRAISAL_SETTINGS, WORKFLOW_SEARCH_ATTRIBUTES, type AppraisalSettingsValue } from '../../core';
import { RecordRepository } from '../record.repository';
import type { WorkerRecordRow } from '../record.row';

/** What a record's start needs of its row. */
export type RecordStartRow = Pick<WorkerRecordRow, 'workerId' | 'unitCode' | 'entryRoute'>;

/**
 * The per-worker performance record follows its committed row (APPR-5): the workforce `hired`
 * event commits the row through the inbox, then the platform WorkflowStarter starts the record
 * and records `workflow_started_at`. Registered with the platform WorkflowReconciler, which starts
 * the records a crash or a Temporal outage left unstarted (at boot, on its sweep, and as soon as
 * Temporal is reachable again). The business-key id (worker id) makes a second start "already
 * started"; the start input is ids, the entry route and the service's timings.
 */
@Injectable()
export class RecordWorkflow implements CommittedWorkflow<RecordStartRow>, OnModuleInit {
  readonly name = 'appraisal-record';

  constructor(
    private readonly reconciler: WorkflowReconciler,
    private readonly repository: RecordRepository,
    @Inject(APPRAISAL_SETTINGS) private readonly settings: AppraisalSettingsValue,
    @Inject(WORKFLOW_SEARCH_ATTRIBUTES) private readonly withSearchAttributes: boolean,
  ) {}

  onModuleInit(): void {
    this.reconciler.register(this);
  }

  inputOf(row: RecordStartRow): PerformanceRecordInput {
    return { workerId: row.workerId, unitCode: row.unitCode, entryRoute: row.entryRoute, timings: this.settings.timings };
  }

  startOf(row: RecordStartRow): WorkflowStartRequest {
    return {
      workflowType: PERFORMANCE_RECORD_WORKFLOW_TYPE,
      workflowId: performanceRecordWorkflowId(row.workerId),
      taskQueue: this.settings.taskQueue,
      args: [this.inputOf(row)],
      ...(this.withSearchAttributes
        ? {
            typedSearchAttributes: [
              { key: CWP_SEARCH_ATTRIBUTES.unitCode, value: row.unitCode },
              { key: CWP_SEARCH_ATTRIBUTES.entityId, value: row.workerId },
            ],
          }
        : {}),
    };
  }

  /** Active workers whose record start is not recorded. */
  unstarted(limit: number): Promise<WorkerRecordRow[]> {
    return this.repository.withoutWorkflow(limit);
  }

  markStarted(row: RecordStartRow): Promise<void> {
    return this.repository.markWorkflowStarted([row.workerId]);
  }
}
