import type { PerformanceRecordTimings } from '@cwp/contracts';

/** What features read from the service config (one token, so tests hand in their own). */
export interface AppraisalSettingsValue {
  taskQueue: string;
  timings: PerformanceRecordTimings;
  /** APPR-2: the largest share (0..1) of excellent grades a street may hold before calibration. */
  excellentShareLimit: number;
  residentRatePerMinute: number;
  /** Inbox consumer name and Kafka group of the workforce worker-events handler. */
  workersConsumer: string;
  /** Results published per transaction (rows + `result.published` events) inside the publication's heartbeating activity. */
  publishChunk: number;
}

export const APPRAISAL_SETTINGS = Symbol('APPRAISAL_SETTINGS');
// The platform's one policy-catalog token (PlatformPolicyModule provides the same one).
export { POLICY_CATALOG } from '@cwp/platform';
/** HMAC key (32 bytes) of the residents' rater hash (APPR-3). */
export const RESIDENT_KEY = Symbol('RESIDENT_KEY');
/** false: start workflows without search attributes (Temporal's time-skipping test server). */
export const WORKFLOW_SEARCH_ATTRIBUTES = Symbol('WORKFLOW_SEARCH_ATTRIBUTES');
