import { cfg, defineServiceConfig } from '@cwp/platform';
import { TALENT_POOL_TASK_QUEUE } from '@cwp/contracts';

/**
 * The talent pool's own variables (the platform's — DATABASE_URL, KAFKA_BROKERS, TEMPORAL_ADDRESS,
 * PORT … — are validated beside them at boot).
 */
export const talentPoolConfig = defineServiceConfig('talent-pool', {
  TALENT_POOL_DB_SCHEMA: cfg.string({ default: 'talent_pool', pattern: /^[a-z_][a-z0-9_]{0,62}$/ }),
  TALENT_POOL_TASK_QUEUE: cfg.string({ default: TALENT_POOL_TASK_QUEUE, pattern: /^[A-Za-z0-9._:-]+$/ }),
  /**
   * 32-byte AES-256-GCM key for national ID and phone numbers at rest, as 64 hex characters or
   * base64. Unset: a local key is created once under the state folder (refused in production).
   */
  PII_ENCRYPTION_KEY: cfg.string({ optional: true, pattern: /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/ }),
  /**
   * 32-byte HMAC key of `personRef` (libs/contracts worker-hired.ts), shared with every service
   * that matches persons. Unset: derived from PII_ENCRYPTION_KEY with HKDF-SHA256
   * (info "cwp.person-ref.v1"), so services sharing that key agree.
   */
  PERSON_REF_KEY: cfg.string({ optional: true, pattern: /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/ }),
  /** Prebuilt workflow bundle (npm run build:bundle); unset = bundle the sources at start. */
  TALENT_POOL_WORKFLOW_BUNDLE: cfg.string({ optional: true }),
  /** Start the Temporal worker in this process (off = API only, e.g. a read replica). */
  TALENT_POOL_RUN_WORKER: cfg.bool({ default: true }),
  /** How often the reconciler starts workflows that a crash left unstarted (0 = at boot only). */
  TALENT_POOL_RECONCILE_SECONDS: cfg.int({ default: 300, min: 0, max: 86_400 }),
  /** Inbox consumer name and Kafka group of the worker.hired handler (e2e runs use their own). */
  TALENT_POOL_HIRED_CONSUMER: cfg.string({ default: 'talent-pool.worker-hired', pattern: /^[A-Za-z0-9._-]+$/ }),
  NODE_ENV: cfg.string({ default: 'development' }),
});

export type TalentPoolConfig = ReturnType<typeof talentPoolConfig.get>;
