import type { TypedSearchAttributes } from '@temporalio/common';

/** What to start: the workflow, its business-key id and its input (ids and facts, never personal data). */
export interface WorkflowStartRequest {
  workflowType: string;
  workflowId: string;
  args: unknown[];
  /** Default: the service's task queue (PlatformTemporalModule.forService({ taskQueue })). */
  taskQueue?: string;
  typedSearchAttributes?: TypedSearchAttributes | ConstructorParameters<typeof TypedSearchAttributes>[0];
}

/**
 * A workflow that must follow a committed row ("the row is the state, the workflow is the
 * timer"). The feature implements it once (its `workflow/` folder) and registers it with the
 * WorkflowReconciler; the WorkflowStarter starts it after each commit and the reconciler starts
 * whatever a crash or a Temporal outage left unstarted.
 */
export interface CommittedWorkflow<Row> {
  /** Name in logs, e.g. 'talent-pool-entry'. */
  readonly name: string;
  /** The start of this row's workflow (idempotent by its business-key workflow id). */
  startOf(row: Row): WorkflowStartRequest;
  /** Up to `limit` committed rows whose start is not yet recorded, oldest first. */
  unstarted(limit: number): Promise<Row[]>;
  /** Records the start (e.g. `UPDATE … SET workflow_started_at = now() WHERE id = $1`). */
  markStarted(row: Row): Promise<void>;
}

/** How a start ended: started now, found already started (both count as started), or deferred. */
export type WorkflowStartOutcome = 'started' | 'already-started' | 'deferred';
