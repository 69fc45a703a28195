import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { CommittedWorkflow, WorkflowStartOutcome, WorkflowStartRequest } from './committed-workflow';
import { TemporalReachability } from './temporal-reachability';
import { PLATFORM_TEMPORAL_OPTIONS, TEMPORAL_CONNECTION, type PlatformTemporalOptions } from './temporal.options';
import { WORKFLOW_START_SETTINGS, type WorkflowStartSettings } from './workflow-start-settings';

/** gRPC codes that mean "Temporal is down or too slow", not "this request is wrong". */
const TRANSIENT_GRPC_CODES = new Set([1 /* CANCELLED */, 4 /* DEADLINE_EXCEEDED */, 8 /* RESOURCE_EXHAUSTED */, 14 /* UNAVAILABLE */]);

/**
 * Starts workflows after their row is committed, with a short deadline, and never lets a
 * Temporal outage reach the caller: the write has committed and answers at once; what could not
 * start stays unmarked and the WorkflowReconciler starts it (at boot, on its sweep, and as soon
 * as Temporal is reachable again). While Temporal is known unreachable, starts are deferred
 * without a network call.
 */
@Injectable()
export class WorkflowStarter {
  private readonly logger = new Logger('WorkflowStarter');

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    @Inject(PLATFORM_TEMPORAL_OPTIONS) private readonly options: PlatformTemporalOptions,
    @Inject(WORKFLOW_START_SETTINGS) private readonly settings: WorkflowStartSettings,
    private readonly reachability: TemporalReachability,
  ) {}

  /**
   * Starts `row`'s workflow and records the start; resolves true once it runs (started now or
   * before), false when deferred to the reconciler. Never throws: call it after the commit.
   */
  async startAfterCommit<Row>(workflow: CommittedWorkflow<Row>, row: Row): Promise<boolean> {
    let request: WorkflowStartRequest | undefined;
    try {
      request = workflow.startOf(row);
      const outcome = await this.start(request);
      if (outcome === 'deferred') return false;
      await workflow.markStarted(row);
      return true;
    } catch (error) {
      // markStarted failed (database): the workflow runs; the reconciler finds it started and marks it.
      this.logger.warn({
        msg: 'workflow start not recorded; the reconciler will retry',
        workflow: workflow.name,
        workflowId: request?.workflowId,
        error: String(error),
      });
      return false;
    }
  }

  /** One start within the deadline; 'already-started' counts as success (business-key ids). */
  async start(request: WorkflowStartRequest): Promise<WorkflowStartOutcome> {
    if (!this.reachability.reachable) return 'deferred';
    try {
      await this.connection.withDeadline(Date.now() + this.settings.startTimeoutMs, () =>
        this.client.workflow.start(request.workflowType, {
          taskQueue: request.taskQueue ?? this.options.taskQueue,
          workflowId: request.workflowId,
          args: request.args,
          ...(request.typedSearchAttributes ? { typedSearchAttributes: request.typedSearchAttributes } : {}),
        }),
      );
      return 'started';
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return 'already-started';
      if (isTemporalOutage(error)) {
        this.reachability.reportUnreachable(error);
      } else {
        this.logger.error({
          msg: 'workflow start refused; the reconciler sweep will retry',
          workflowId: request.workflowId,
          error: String(error),
        });
      }
      return 'deferred';
    }
  }
}

/** True when a Temporal call failed because Temporal is down or too slow (not because the call was wrong). */
export function isTemporalOutage(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'number') return TRANSIENT_GRPC_CODES.has(code);
  }
  // No gRPC status at all (socket errors, our own deadline): treat as an outage.
  return true;
}
