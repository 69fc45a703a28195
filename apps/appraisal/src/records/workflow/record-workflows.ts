import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
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
import {
  TEMPORAL_CONNECTION,
  TemporalReachability,
  WORKFLOW_START_SETTINGS,
  isTemporalOutage,
  type WorkflowStartSettings,
} from '@cwp/platform';
import { RecordWorkflow, type RecordStartRow } from './record-workflow';

/** One grade for one worker's record, with what the record's start needs if it does not exist yet. */
export interface GradeDelivery {
  row: RecordStartRow;
  signal: GradeSignal;
}

/**
 * Signals the per-worker performance record workflows after their rows committed. A grade is
 * delivered with signal-with-start (the start of RecordWorkflow), so a worker hired before the
 * service existed still gets a record; each call has the start deadline, so an outage never holds
 * a batch. A signal never fails the request or the batch that committed before it: while Temporal
 * is known unreachable it is skipped at once, and a failure is logged with the ids and answered
 * `false` (the caller's row keeps the truth; undelivered grades are re-sent by the grade sweep).
 */
@Injectable()
export class RecordWorkflows {
  private readonly logger = new Logger('RecordWorkflows');

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    @Inject(WORKFLOW_START_SETTINGS) private readonly startSettings: WorkflowStartSettings,
    private readonly recordWorkflow: RecordWorkflow,
    private readonly reachability: TemporalReachability,
  ) {}

  /**
   * Signal-with-start of many records, `parallelism` calls at a time. Resolves with whether each
   * was delivered; after an outage is seen the rest are not tried (the grade sweep re-sends them).
   */
  async gradeMany(deliveries: readonly GradeDelivery[], parallelism: number): Promise<boolean[]> {
    const delivered = deliveries.map(() => false);
    for (let i = 0; i < deliveries.length && this.reachability.reachable; i += parallelism) {
      await Promise.all(
        deliveries.slice(i, i + parallelism).map(async (delivery, j) => {
          delivered[i + j] = await this.sendGrade(delivery);
        }),
      );
    }
    return delivered;
  }

  private async sendGrade({ row, signal }: GradeDelivery): Promise<boolean> {
    if (!this.reachability.reachable) return false;
    const start = this.recordWorkflow.startOf(row);
    try {
      await this.connection.withDeadline(Date.now() + this.startSettings.startTimeoutMs, () =>
        this.client.workflow.signalWithStart(start.workflowType, {
          taskQueue: start.taskQueue!,
          workflowId: start.workflowId,
          args: start.args,
          ...(start.typedSearchAttributes ? { typedSearchAttributes: start.typedSearchAttributes } : {}),
          signal: gradeSignal,
          signalArgs: [signal],
        }),
      );
      return true;
    } catch (error) {
      if (isTemporalOutage(error)) this.reachability.reportUnreachable(error);
      this.logger.warn({
        msg: 'grade signal failed; the grade sweep re-sends it',
        workerId: row.workerId,
        year: signal.year,
        error: String(error),
      });
      return false;
    }
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
      // The start deadline: an outage never holds the request that committed before this step.
      await this.connection.withDeadline(Date.now() + this.startSettings.startTimeoutMs, step);
      return true;
    } catch (error) {
      if (isTemporalOutage(error)) this.reachability.reportUnreachable(error);
      this.logger.warn({ msg: `${what} failed after commit`, ...ids, error: String(error) });
      return false;
    }
  }
}
