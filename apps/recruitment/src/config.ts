import { cfg, defineServiceConfig } from '@cwp/platform';
import { RECRUITMENT_TASK_QUEUE } from '@cwp/contracts';

/**
 * The recruitment service's own variables (the platform's — DATABASE_URL, KAFKA_BROKERS,
 * TEMPORAL_ADDRESS, PORT … — and the PII keys of `piiConfig` are validated beside them at boot).
 */
export const recruitmentConfig = defineServiceConfig('recruitment', {
  RECRUITMENT_DB_SCHEMA: cfg.string({ default: 'recruitment', pattern: /^[a-z_][a-z0-9_]{0,62}$/ }),
  RECRUITMENT_TASK_QUEUE: cfg.string({ default: RECRUITMENT_TASK_QUEUE, pattern: /^[A-Za-z0-9._:-]+$/ }),
  /** Prebuilt workflow bundle (npm run build:bundle); unset = apps/recruitment/dist/workflow-bundle.js if present. */
  RECRUITMENT_WORKFLOW_BUNDLE: cfg.string({ optional: true }),
  /** Start the Temporal worker in this process. */
  RECRUITMENT_RUN_WORKER: cfg.bool({ default: true }),
  /** Sweep of the platform reconciler for campaigns whose workflow a crash left unstarted (0 = at boot only). */
  RECRUITMENT_RECONCILE_SECONDS: cfg.int({ default: 300, min: 0, max: 86_400 }),
  /** Inbox consumer name and Kafka group of the workforce staffing handler (e2e runs use their own). */
  RECRUITMENT_STAFFING_CONSUMER: cfg.string({ default: 'recruitment.workforce-staffing', pattern: /^[A-Za-z0-9._-]+$/ }),
  /** Inbox consumer name and Kafka group of the talent pool's candidate topic (invitations; e2e runs use their own). */
  RECRUITMENT_RESERVE_CONSUMER: cfg.string({ default: 'recruitment.talent-pool-candidates', pattern: /^[A-Za-z0-9._-]+$/ }),
  /** Public application endpoint: applications accepted per client address per minute (floods get 429). */
  RECRUITMENT_PUBLIC_RATE_PER_MINUTE: cfg.int({ default: 10, min: 1, max: 10_000 }),
  /** Days the assessment (考核) phase lasts after the ranking, unless an operator closes it first. */
  RECRUITMENT_ASSESSMENT_DAYS: cfg.int({ default: 14, min: 1, max: 120 }),
  /**
   * When > 0, every timed phase of a campaign lasts this many seconds instead of running to its
   * calendar date: for tests, benchmarks and demos only (refused in production).
   */
  RECRUITMENT_PHASE_SECONDS: cfg.int({ default: 0, min: 0, max: 86_400 }),
  /** Applicants per transaction of the set-based campaign steps (ranking, appointment, release); small in fault tests. */
  RECRUITMENT_STEP_CHUNK: cfg.int({ default: 1000, min: 1, max: 100_000 }),
  NODE_ENV: cfg.string({ default: 'development' }),
});

export type RecruitmentConfig = ReturnType<typeof recruitmentConfig.get>;
