import { cfg, defineServiceConfig } from '@cwp/platform';
import { PAYROLL_TASK_QUEUE } from '@cwp/contracts';

/**
 * The payroll service's own variables (the platform's — DATABASE_URL, KAFKA_BROKERS,
 * TEMPORAL_ADDRESS, PORT, ORG_TREE_FILE … — are validated beside them at boot).
 */
export const payrollConfig = defineServiceConfig('payroll', {
  PAYROLL_DB_SCHEMA: cfg.string({ default: 'payroll', pattern: /^[a-z_][a-z0-9_]{0,62}$/ }),
  PAYROLL_TASK_QUEUE: cfg.string({ default: PAYROLL_TASK_QUEUE, pattern: /^[A-Za-z0-9._:-]+$/ }),
  /** Prebuilt workflow bundle (npm run build:bundle); unset = apps/payroll/dist/workflow-bundle.js if present. */
  PAYROLL_WORKFLOW_BUNDLE: cfg.string({ optional: true }),
  /** Start the Temporal worker (and ensure the schedules) in this process. */
  PAYROLL_RUN_WORKER: cfg.bool({ default: true }),
  /**
   * Ensure the yearly recalibration and monthly pay-run Schedules at start-up. Their ids are fixed
   * (one per namespace): test and e2e processes on a shared server turn them off.
   */
  PAYROLL_SCHEDULES: cfg.bool({ default: true }),
  /** PAY-3: when the yearly recalibration starts (cron, Asia/Shanghai). Default: 01:00 on 2 January. */
  PAYROLL_RECALIBRATION_CRON: cfg.string({ default: '0 1 2 1 *' }),
  /** PAY-2: when the monthly pay run starts (cron, Asia/Shanghai). Default: 02:00 on the 25th. */
  PAYROLL_PAY_RUN_CRON: cfg.string({ default: '0 2 25 * *' }),
  /** PAY-4: the first year the four-yearly multiplier review opens (then every fourth year; the policy dates from 2016). */
  PAYROLL_MULTIPLIER_REVIEW_FIRST_YEAR: cfg.int({ default: 2028, min: 2000, max: 2100 }),
  /** Kafka consumer group (and inbox key) of the workforce worker projection. */
  PAYROLL_WORKERS_CONSUMER: cfg.string({ default: 'payroll-workers', pattern: /^[A-Za-z0-9._:-]+$/ }),
  /**
   * Kafka consumer group (and inbox key) that bootstraps the worker projection from the compacted
   * `cwp.workforce.worker-state` topic (a new deployment, or one whose workers topic no longer holds
   * every hire). Empty (default): the state topic is not read.
   */
  PAYROLL_WORKER_STATE_CONSUMER: cfg.string({ default: '', pattern: /^[A-Za-z0-9._:-]*$/ }),
  /** Kafka consumer group (and inbox key) of appraisal grades and unit quotas (PAY-6 pool inputs). */
  PAYROLL_PERFORMANCE_CONSUMER: cfg.string({ default: 'payroll-performance', pattern: /^[A-Za-z0-9._:-]+$/ }),
  /** Rows per apply transaction and chunks per apply activity attempt (PAY-3 batch). */
  PAYROLL_APPLY_CHUNK: cfg.int({ default: 2_000, min: 1, max: 50_000 }),
  PAYROLL_APPLY_CHUNKS_PER_ACTIVITY: cfg.int({ default: 25, min: 1, max: 1_000 }),
  NODE_ENV: cfg.string({ default: 'development' }),
});

export type PayrollConfig = ReturnType<typeof payrollConfig.get>;
