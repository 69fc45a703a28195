import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import {
  PERFORMANCE_RECORD_WORKFLOW_TYPE,
  exitNoticeDecisionUpdate,
  gradeSignal,
  performanceRecordStateQuery,
  performanceRecordWorkflowId,
  recordTaskDoneSignal,
  recordTransferredSignal,
  recordWorkerExitedSignal,
  type ExitNoticeDecisionRequest,
  type GradeSignal,
  type PerformanceRecordInput,
  type PerformanceRecordState,
  type RecordTaskState,
} from '@cwp/contracts';
import { CWP_SEARCH_ATTRIBUTES } from '@cwp/platform';
import { APPRAISAL_SETTINGS, WORKFLOW_SEARCH_ATTRIBUTES, type AppraisalSettingsValue } from '../../core';
import type { WorkerRecordRow } from '../record.row';

/**
 * Starts and signals the per-worker performance record workflows. Starting is idempotent (the
 * business-key id makes a second start "already started", which counts as success). A grade is
 * delivered with signal-with-start, so a worker hired before the service existed still gets a record.
 */
@Injectable()
export class RecordWorkflows {
  private readonly logger = new Logger('RecordWorkflows');

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APPRAISAL_SETTINGS) private readonly settings: AppraisalSettingsValue,
    @Inject(WORKFLOW_SEARCH_ATTRIBUTES) private readonly withSearchAttributes: boolean,
  ) {}

  inputOf(row: Pick<WorkerRecordRow, 'workerId' | 'unitCode' | 'entryRoute'>): PerformanceRecordInput {
    return { workerId: row.workerId, unitCode: row.unitCode, entryRoute: row.entryRoute, timings: this.settings.timings };
  }

  private options(row: Pick<WorkerRecordRow, 'workerId' | 'unitCode' | 'entryRoute'>) {
    return {
      taskQueue: this.settings.taskQueue,
      workflowId: performanceRecordWorkflowId(row.workerId),
      args: [this.inputOf(row)] as [PerformanceRecordInput],
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

  async start(row: Pick<WorkerRecordRow, 'workerId' | 'unitCode' | 'entryRoute'>): Promise<void> {
    try {
      await this.client.workflow.start(PERFORMANCE_RECORD_WORKFLOW_TYPE, this.options(row));
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  async grade(row: Pick<WorkerRecordRow, 'workerId' | 'unitCode' | 'entryRoute'>, signal: GradeSignal): Promise<void> {
    await this.client.workflow.signalWithStart(PERFORMANCE_RECORD_WORKFLOW_TYPE, {
      ...this.options(row),
      signal: gradeSignal,
      signalArgs: [signal],
    });
  }

  async transferred(workerId: string, unitCode: string): Promise<void> {
    await this.signal(workerId, (h) => h.signal(recordTransferredSignal, { unitCode }));
  }

  async exited(workerId: string, exitedOn: string): Promise<void> {
    await this.signal(workerId, (h) => h.signal(recordWorkerExitedSignal, { exitedOn }));
  }

  async taskDone(workerId: string, taskId: string): Promise<void> {
    await this.signal(workerId, (h) => h.signal(recordTaskDoneSignal, { taskId }));
  }

  /** The street's decision on an exit notice; the workflow's validator refuses one that is not open. */
  async decideNotice(workerId: string, request: ExitNoticeDecisionRequest): Promise<RecordTaskState> {
    return this.client.workflow
      .getHandle(performanceRecordWorkflowId(workerId))
      .executeUpdate(exitNoticeDecisionUpdate, { args: [request] });
  }

  async state(workerId: string): Promise<PerformanceRecordState | null> {
    try {
      return await this.client.workflow.getHandle(performanceRecordWorkflowId(workerId)).query(performanceRecordStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  private async signal(workerId: string, send: (h: ReturnType<Client['workflow']['getHandle']>) => Promise<void>): Promise<void> {
    try {
      await send(this.client.workflow.getHandle(performanceRecordWorkflowId(workerId)));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        this.logger.log({ msg: 'record workflow not running; signal ignored', workerId });
        return;
      }
      throw error;
    }
  }
}
