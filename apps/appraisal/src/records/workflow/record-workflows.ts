import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import {
  exitNoticeDecisionUpdate,
  gradeSignal,
  performanceRecordStateQuery,
  performanceRecordWorkflowId,
  recordTaskDoneSignal,
  recordTransferredSignal,
  recordWorkerExitedSignal,
  type ExitNoticeDecisionRequest,
  type GradeSignal,
  type PerformanceRecordState,
  type RecordTaskState,
} from '@cwp/contracts';
import { TemporalReachability } from '@cwp/platform';
import { RecordWorkflow, type RecordStartRow } from './record-workflow';

/**
 * Signals the per-worker performance record workflows after their rows committed. A grade is
 * delivered with signal-with-start (the start of RecordWorkflow), so a worker hired before the
 * service existed still gets a record. A signal never fails the request or the batch that
 * committed before it: while Temporal is known unreachable it is skipped at once, and a failure is
 * logged with the ids and answered `false` (the caller's row keeps the truth).
 */
@Injectable()
export class RecordWorkflows {
  private readonly logger = new Logger('RecordWorkflows');

  constructor(
    @Inject(Client) private readonly client: Client,
    private readonly recordWorkflow: RecordWorkflow,
    private readonly reachability: TemporalReachability,
  ) {}

  grade(row: RecordStartRow, signal: GradeSignal): Promise<boolean> {
    return this.afterCommit('grade signal', { workerId: row.workerId, year: signal.year }, async () => {
      const start = this.recordWorkflow.startOf(row);
      await this.client.workflow.signalWithStart(start.workflowType, {
        taskQueue: start.taskQueue!,
        workflowId: start.workflowId,
        args: start.args,
        ...(start.typedSearchAttributes ? { typedSearchAttributes: start.typedSearchAttributes } : {}),
        signal: gradeSignal,
        signalArgs: [signal],
      });
    });
  }

  transferred(workerId: string, unitCode: string): Promise<boolean> {
    return this.afterCommit('record transfer signal', { workerId }, () =>
      this.signal(workerId, (h) => h.signal(recordTransferredSignal, { unitCode })),
    );
  }

  exited(workerId: string, exitedOn: string): Promise<boolean> {
    return this.afterCommit('record exit signal', { workerId }, () =>
      this.signal(workerId, (h) => h.signal(recordWorkerExitedSignal, { exitedOn })),
    );
  }

  taskDone(workerId: string, taskId: string): Promise<boolean> {
    return this.afterCommit('record task-done signal', { workerId, taskId }, () =>
      this.signal(workerId, (h) => h.signal(recordTaskDoneSignal, { taskId })),
    );
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

  /** Runs a signal after the commit: skipped while Temporal is known down, a failure logged, never thrown. */
  private async afterCommit(what: string, ids: Record<string, unknown>, step: () => Promise<unknown>): Promise<boolean> {
    if (!this.reachability.reachable) {
      this.logger.warn({ msg: `${what} skipped: Temporal unreachable`, ...ids });
      return false;
    }
    try {
      await step();
      return true;
    } catch (error) {
      this.logger.warn({ msg: `${what} failed after commit`, ...ids, error: String(error) });
      return false;
    }
  }
}
