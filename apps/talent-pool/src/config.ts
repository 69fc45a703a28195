import { cfg, defineServiceConfig } from '@cwp/platform';
import { TALENT_POOL_TASK_QUEUE } from '@cwp/contracts';

/**
 * The talent pool's own variables (the platform's — DATABASE_URL, KAFKA_BROKERS, TEMPORAL_ADDRESS,
 * PORT … — and the PII keys of `piiConfig` are validated beside them at boot).
 */
export const talentPoolConfig = defineServiceConfig('talent-pool', {
  TALENT_POOL_DB_SCHEMA: cfg.string({ default: 'talent_pool', pattern: /^[a-z_][a-z0-9_]{0,62}$/ }),
  TALENT_POOL_TASK_QUEUE: cfg.string({ default: TALENT_POOL_TASK_QUEUE, pattern: /^[A-Za-z0-9._:-]+$/ }),
  /** Prebuilt workflow bundle (npm run build:bundle); unset = bundle the sources at start. */
  TALENT_POOL_WORKFLOW_BUNDLE: cfg.string({ optional: true }),
  /** Start the Temporal worker in this process (off = API only, e.g. a read replica). */
  TALENT_POOL_RUN_WORKER: cfg.bool({ default: true }),
  /**
   * Sweep of the platform reconciler for entries whose workflow a crash left unstarted (0 = at boot
   * only). After a Temporal outage it does not wait for the sweep: it runs as soon as Temporal answers.
   */
  TALENT_POOL_RECONCILE_SECONDS: cfg.int({ default: 300, min: 0, max: 86_400 }),
  /** Inbox consumer name and Kafka group of the worker.hired handler (e2e runs use their own). */
  TALENT_POOL_HIRED_CONSUMER: cfg.string({ default: 'talent-pool.worker-hired', pattern: /^[A-Za-z0-9._-]+$/ }),
});

export type TalentPoolConfig = ReturnType<typeof talentPoolConfig.get>;
