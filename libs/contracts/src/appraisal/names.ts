/** Names the appraisal service publishes and the Temporal names it runs under (shared by API and workflows). */

/** Default Temporal task queue of the appraisal worker (tests and e2e runs override it). */
export const APPRAISAL_TASK_QUEUE = 'appraisal';

/** Kafka topic of yearly results, keyed by worker id (order per worker). */
export const APPRAISAL_RESULTS_TOPIC = 'cwp.appraisal.results';
/** Kafka topic of the per-worker performance record (tasks, exit triggers), keyed by worker id. */
export const APPRAISAL_RECORDS_TOPIC = 'cwp.appraisal.records';
/** Kafka topic of APPR-6 incentive selections, keyed by `<level>:<unit>:<year>`. */
export const APPRAISAL_INCENTIVES_TOPIC = 'cwp.appraisal.incentives';

export const APPRAISAL_EVENT_TYPES = {
  resultPublished: 'cwp.appraisal.result.published.v1',
  resultChanged: 'cwp.appraisal.result.changed.v1',
  taskOpened: 'cwp.appraisal.task.opened.v1',
  taskEscalated: 'cwp.appraisal.task.escalated.v1',
  exitTriggered: 'cwp.appraisal.exit.triggered.v1',
  incentiveSelected: 'cwp.appraisal.incentive.selected.v1',
} as const;

/** Workflow type names: the exported function names in @cwp/appraisal-workflows. */
export const PERFORMANCE_RECORD_WORKFLOW_TYPE = 'performanceRecordWorkflow';
export const APPRAISAL_CYCLE_WORKFLOW_TYPE = 'appraisalCycleWorkflow';

/** Business-key workflow id: one performance record per worker, for the worker's whole service. */
export function performanceRecordWorkflowId(workerId: string): string {
  return `appraisal-record:${workerId}`;
}

/** Business-key workflow id: one appraisal cycle per opening unit and year. */
export function appraisalCycleWorkflowId(unitCode: string, year: number): string {
  return `appraisal-cycle:${unitCode}:${year}`;
}
