import { cfg, defineServiceConfig } from '@cwp/platform';
import { WORKFORCE_TASK_QUEUE } from '@cwp/contracts';

/**
 * The workforce service's own variables (the platform's — DATABASE_URL, KAFKA_BROKERS,
 * TEMPORAL_ADDRESS, PORT, ORG_TREE_FILE … — are validated beside them at boot).
 */
export const workforceConfig = defineServiceConfig('workforce', {
  WORKFORCE_DB_SCHEMA: cfg.string({ default: 'workforce', pattern: /^[a-z_][a-z0-9_]{0,62}$/ }),
  WORKFORCE_TASK_QUEUE: cfg.string({ default: WORKFORCE_TASK_QUEUE, pattern: /^[A-Za-z0-9._:-]+$/ }),
  /** Prebuilt workflow bundle (npm run build:bundle); unset = apps/workforce/dist/workflow-bundle.js if present. */
  WORKFORCE_WORKFLOW_BUNDLE: cfg.string({ optional: true }),
  /** Start the Temporal worker (and ensure the yearly schedule) in this process. */
  WORKFORCE_RUN_WORKER: cfg.bool({ default: true }),
  /** Load org_units from ORG_TREE_FILE and compute missing quotas at start (idempotent). */
  WORKFORCE_SEED_ON_START: cfg.bool({ default: true }),
  /** QUOTA-5: days districts have to decide on review proposals; after that, proposals stand. */
  WORKFORCE_QUOTA_REVIEW_DECISION_DAYS: cfg.int({ default: 30, min: 0, max: 365 }),
  /**
   * Ensure the yearly review Schedule at start-up (needs the worker). Its id is fixed
   * (quota-review-yearly, one per namespace): test and e2e processes on a shared server turn it off.
   */
  WORKFORCE_QUOTA_REVIEW_SCHEDULE: cfg.bool({ default: true }),
  /**
   * QUOTA-5: areas read (and proposals written) per transaction of a district's recomputation,
   * one heartbeat each. Small values only where a test must stop the review half done (the
   * reliability tier's worker kill).
   */
  WORKFORCE_QUOTA_REVIEW_CHUNK: cfg.int({ default: 500, min: 1, max: 50_000 }),
  /** QUOTA-5: when the yearly review starts (cron, Asia/Shanghai). Default: 00:00 on 1 January. */
  WORKFORCE_QUOTA_REVIEW_CRON: cfg.string({ default: '0 0 1 1 *' }),
  /**
   * QUOTA-4: a street's floating quota as a percentage of its areas' quotas (rounded up). POLICY
   * gives no figure; this is a parameter until libs/policy versions one.
   */
  WORKFORCE_FLOATING_QUOTA_PERCENT: cfg.int({ default: 5, min: 0, max: 50 }),
  NODE_ENV: cfg.string({ default: 'development' }),
});

export type WorkforceConfig = ReturnType<typeof workforceConfig.get>;
