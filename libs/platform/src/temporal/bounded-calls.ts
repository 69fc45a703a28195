import {
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WorkflowUpdateStage,
  type Connection,
  type WorkflowClientInterceptor,
  type WorkflowQueryInput,
  type WorkflowStartUpdateInput,
  type WorkflowStartUpdateOutput,
} from '@temporalio/client';
import type { Next } from '@temporalio/common';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/** Deadlines of the request-path calls that wait on a worker (PlatformTemporalOptions.callTimeouts). */
export interface TemporalCallTimeouts {
  /** An update, from sending it to its outcome (default 10 000 ms; TEMPORAL_UPDATE_TIMEOUT_MS). */
  updateMs: number;
  /** A query (default 5 000 ms; TEMPORAL_QUERY_TIMEOUT_MS). */
  queryMs: number;
}

type UpdateOutcome = NonNullable<WorkflowStartUpdateOutput['outcome']>;
/** UpdateWorkflowExecutionLifecycleStage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED (temporal.api.enums.v1). */
const LIFECYCLE_STAGE_COMPLETED = 3;
/** gRPC status codes of a call that ran out of time or was cancelled. */
const DEADLINE_CODES = new Set([1 /* CANCELLED */, 4 /* DEADLINE_EXCEEDED */]);
/** gRPC FAILED_PRECONDITION: the server refused the call as things stand (for a query: no worker polls its task queue). */
const FAILED_PRECONDITION = new Set([9]);
/**
 * The server's answer to a query when no worker polled the workflow's task queue lately (the
 * worker is down, restarting or starved): the same "is its worker running?" as a deadline, not a 500.
 */
const NO_POLLER = /no poller seen/i;

export const DEFAULT_TEMPORAL_CALL_TIMEOUTS: TemporalCallTimeouts = { updateMs: 10_000, queryMs: 5_000 };

/**
 * Bounds the client calls a request waits on while a worker must answer: updates and queries.
 * Without it, an update to a workflow whose worker is not running waits forever (the SDK re-sends
 * UpdateWorkflowExecution until a worker accepts it, then polls for the outcome with no deadline):
 * a request hung on `POST /quota-reviews/…/decision` (issue 8). With it, the call gives up at the
 * deadline and the request answers 503 DEPENDENCY_UNAVAILABLE; the update id makes a retry by the
 * caller safe (the server deduplicates an update id).
 */
export class BoundedTemporalCallsInterceptor implements WorkflowClientInterceptor {
  constructor(
    private readonly connection: Connection,
    private readonly namespace: string,
    private readonly timeouts: TemporalCallTimeouts,
  ) {}

  async startUpdate(
    input: WorkflowStartUpdateInput,
    next: Next<WorkflowClientInterceptor, 'startUpdate'>,
  ): Promise<WorkflowStartUpdateOutput> {
    const deadline = Date.now() + this.timeouts.updateMs;
    const what = `update ${input.updateName} of workflow ${input.workflowExecution.workflowId}`;
    try {
      const output = await this.connection.withDeadline(deadline, () => next(input));
      // `waitForStage` is on the SDK's input at run time (executeUpdate: COMPLETED), not in its type.
      const waitForStage = (input as WorkflowStartUpdateInput & { waitForStage?: WorkflowUpdateStage }).waitForStage;
      if (output.outcome || waitForStage !== WorkflowUpdateStage.COMPLETED) return output;
      // The SDK would poll for the outcome without a deadline: poll here, within what is left.
      const outcome = await this.connection.withDeadline(deadline, () => this.pollOutcome(input, output));
      return { ...output, outcome };
    } catch (error) {
      throw this.timedOut(error, what, this.timeouts.updateMs);
    }
  }

  async query(input: WorkflowQueryInput, next: Next<WorkflowClientInterceptor, 'query'>): Promise<unknown> {
    try {
      return await this.connection.withDeadline(Date.now() + this.timeouts.queryMs, () => next(input));
    } catch (error) {
      throw this.timedOut(error, `query ${input.queryType} of workflow ${input.workflowExecution.workflowId}`, this.timeouts.queryMs);
    }
  }

  private async pollOutcome(input: WorkflowStartUpdateInput, output: WorkflowStartUpdateOutput): Promise<UpdateOutcome> {
    for (;;) {
      const response = await this.connection.workflowService.pollWorkflowExecutionUpdate({
        namespace: this.namespace,
        updateRef: {
          workflowExecution: { workflowId: input.workflowExecution.workflowId, runId: output.workflowRunId },
          updateId: output.updateId,
        },
        waitPolicy: { lifecycleStage: LIFECYCLE_STAGE_COMPLETED },
      });
      if (response.outcome) return response.outcome;
    }
  }

  /**
   * A deadline reached (or the call cancelled), or the server's "no poller seen" (no worker takes
   * the call now), becomes 503 with a message that says which call; anything else passes.
   */
  private timedOut(error: unknown, what: string, ms: number): unknown {
    const noWorker = hasGrpcCode(error, FAILED_PRECONDITION) && NO_POLLER.test(messagesOf(error));
    if (noWorker) return new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, `No Temporal worker takes the ${what} now; retry later`);
    if (!(error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) && !hasGrpcCode(error, DEADLINE_CODES)) return error;
    return new DomainError(
      ErrorCode.DEPENDENCY_UNAVAILABLE,
      `Temporal did not complete the ${what} within ${ms} ms (is its worker running?); retry later`,
    );
  }
}

/** The messages of `error` and its causes, joined (the SDK wraps the gRPC error: "Failed to query Workflow", cause "9 FAILED_PRECONDITION: …"). */
function messagesOf(error: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string') messages.push(message);
  }
  return messages.join(' | ');
}

/** Whether `error` or one of its causes carries one of the gRPC status `codes` (a number; pg and Node codes are strings). */
export function hasGrpcCode(error: unknown, codes: ReadonlySet<number>): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'number') return codes.has(code);
  }
  return false;
}
