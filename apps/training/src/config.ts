import { cfg, defineServiceConfig } from '@cwp/platform';
import { TRAINING_TASK_QUEUE } from '@cwp/contracts';

/**
 * The training service's own variables (the platform's — DATABASE_URL, KAFKA_BROKERS,
 * TEMPORAL_ADDRESS, PORT, ORG_TREE_FILE … — are validated beside them at boot).
 */
export const trainingConfig = defineServiceConfig('training', {
  TRAINING_DB_SCHEMA: cfg.string({ default: 'training', pattern: /^[a-z_][a-z0-9_]{0,62}$/ }),
  TRAINING_TASK_QUEUE: cfg.string({ default: TRAINING_TASK_QUEUE, pattern: /^[A-Za-z0-9._:-]+$/ }),
  /** Prebuilt workflow bundle (npm run build:bundle); unset = apps/training/dist/workflow-bundle.js if present. */
  TRAINING_WORKFLOW_BUNDLE: cfg.string({ optional: true }),
  /** Start the Temporal worker in this process. */
  TRAINING_RUN_WORKER: cfg.bool({ default: true }),
  /** Inbox consumer name and Kafka group of the workforce worker-events handler (e2e runs use their own). */
  TRAINING_WORKERS_CONSUMER: cfg.string({ default: 'training.workforce-workers', pattern: /^[A-Za-z0-9._-]+$/ }),
  /** Declare the yearly compliance schedule (TRAIN-3, TRAIN-4) at worker start. */
  TRAINING_COMPLIANCE_SCHEDULE: cfg.bool({ default: true }),
  /** When the yearly compliance run starts (Asia/Shanghai): 10 January, 02:00, for the year before. */
  TRAINING_COMPLIANCE_CRON: cfg.string({ default: '0 2 10 1 *' }),
  /** Workers judged per chunk (one set-based statement, one transaction, one heartbeat each). */
  TRAINING_COMPLIANCE_CHUNK: cfg.int({ default: 2000, min: 1, max: 50_000 }),
  /** TRAIN-2: the last four-ones reminder, this many days before the three-year deadline. */
  TRAINING_REMINDER_DAYS_BEFORE_DUE: cfg.int({ default: 90, min: 1, max: 365 }),
  NODE_ENV: cfg.string({ default: 'development' }),
});

export type TrainingConfig = ReturnType<typeof trainingConfig.get>;
