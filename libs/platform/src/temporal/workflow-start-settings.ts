/** Timing of commit-then-start (PlatformTemporalOptions.workflowStart); all have defaults. */
export interface WorkflowStartSettings {
  /** Deadline of one workflow start after a commit (default 2000 ms): a request never waits longer. */
  startTimeoutMs: number;
  /** How often an unreachable Temporal is probed (default 1000 ms). */
  probeIntervalMs: number;
  /** Sweep of the reconciler for rows a crash left unstarted (default 300 s; 0 = boot and wake-ups only). */
  sweepSeconds: number;
  /** Rows per reconciler batch (default 200). */
  batchSize: number;
}

export const WORKFLOW_START_SETTINGS = Symbol('WORKFLOW_START_SETTINGS');

export const DEFAULT_WORKFLOW_START_SETTINGS: WorkflowStartSettings = {
  startTimeoutMs: 2_000,
  probeIntervalMs: 1_000,
  sweepSeconds: 300,
  batchSize: 200,
};
