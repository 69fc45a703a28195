import { cfg, defineServiceConfig } from '@cwp/platform';
import { APPRAISAL_TASK_QUEUE } from '@cwp/contracts';

const KEY = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/;

/**
 * The appraisal service's own variables (the platform's — DATABASE_URL, KAFKA_BROKERS,
 * TEMPORAL_ADDRESS, PORT, ORG_TREE_FILE … — are validated beside them at boot).
 */
export const appraisalConfig = defineServiceConfig('appraisal', {
  APPRAISAL_DB_SCHEMA: cfg.string({ default: 'appraisal', pattern: /^[a-z_][a-z0-9_]{0,62}$/ }),
  APPRAISAL_TASK_QUEUE: cfg.string({ default: APPRAISAL_TASK_QUEUE, pattern: /^[A-Za-z0-9._:-]+$/ }),
  /** Prebuilt workflow bundle (npm run build:bundle); unset = apps/appraisal/dist/workflow-bundle.js if present. */
  APPRAISAL_WORKFLOW_BUNDLE: cfg.string({ optional: true }),
  /** Start the Temporal worker in this process. */
  APPRAISAL_RUN_WORKER: cfg.bool({ default: true }),
  /** Inbox consumer name and Kafka group of the workforce worker-events handler (e2e runs use their own). */
  APPRAISAL_WORKERS_CONSUMER: cfg.string({ default: 'appraisal.workforce-workers', pattern: /^[A-Za-z0-9._-]+$/ }),
  /**
   * 32-byte HMAC key of the residents' rater hash (one rating per resident per worker per year,
   * APPR-3), hex or base64. Unset: a local key is derived under the state folder (refused in production).
   */
  APPRAISAL_RESIDENT_KEY: cfg.string({ optional: true, pattern: KEY }),
  /** Residents' endpoint: ratings accepted per client address per minute (floods get 429). */
  APPRAISAL_RESIDENT_RATE_PER_MINUTE: cfg.int({ default: 30, min: 1, max: 10_000 }),
  /**
   * APPR-2 calibration: the largest share of 优秀 (excellent) a street's results may hold before
   * an operator must calibrate. POLICY names the check, not the figure: a parameter here until
   * libs/policy versions one.
   */
  APPRAISAL_EXCELLENT_SHARE_LIMIT: cfg.int({ default: 20, min: 1, max: 100 }),
  /** APPR-5: days the street has to hold the admonishment talk (诫勉谈话). */
  APPRAISAL_ADMONISHMENT_DAYS: cfg.int({ default: 30, min: 1, max: 365 }),
  /** Days after a missed deadline (and its reminder) before the task goes to the district. */
  APPRAISAL_ESCALATION_DAYS: cfg.int({ default: 14, min: 1, max: 365 }),
  /** EXIT-3: days the street has to confirm or contest the exit notice. */
  APPRAISAL_NOTICE_DAYS: cfg.int({ default: 30, min: 1, max: 365 }),
  /** Days after publication in which a worker may appeal the grade. */
  APPRAISAL_APPEAL_DAYS: cfg.int({ default: 15, min: 1, max: 365 }),
  /**
   * Results published per transaction (rows + their `result.published` events, one heartbeat
   * each) when a cycle's results are published. Small values only where a test must stop the
   * publication half done (the reliability tier's worker kill).
   */
  APPRAISAL_PUBLISH_CHUNK: cfg.int({ default: 500, min: 1, max: 50_000 }),
  NODE_ENV: cfg.string({ default: 'development' }),
});

export type AppraisalSettings = ReturnType<typeof appraisalConfig.get>;
