import { cfg, defineServiceConfig } from '@cwp/platform';

/**
 * The webhook bridge's own variables (the platform's are validated beside them at boot). It
 * consumes every topic of the event catalog and delivers to HR systems without Kafka.
 */
export const webhooksConfig = defineServiceConfig('webhooks', {
  WEBHOOKS_DB_SCHEMA: cfg.string({ default: 'webhooks', pattern: /^[a-z_][a-z0-9_]{0,62}$/ }),
  /** Inbox consumer name and Kafka group id of the fan-out (e2e runs use their own). */
  WEBHOOKS_CONSUMER: cfg.string({ default: 'webhooks.fan-out', pattern: /^[A-Za-z0-9._-]+$/ }),
  /** Tries of one delivery before it becomes a dead letter (replayable). */
  WEBHOOKS_MAX_ATTEMPTS: cfg.int({ default: 12, min: 1, max: 100 }),
  /** Backoff between tries: doubles from the minimum up to the maximum, with jitter. */
  WEBHOOKS_MIN_BACKOFF_MS: cfg.int({ default: 1_000, min: 10, max: 600_000 }),
  WEBHOOKS_MAX_BACKOFF_MS: cfg.int({ default: 600_000, min: 10, max: 86_400_000 }),
  /** One HTTP call's deadline; a receiver slower than this is retried like one that failed. */
  WEBHOOKS_TIMEOUT_MS: cfg.int({ default: 5_000, min: 100, max: 60_000 }),
  /** How often the dispatcher looks for due deliveries when nothing woke it. */
  WEBHOOKS_POLL_MS: cfg.int({ default: 500, min: 10, max: 60_000 }),
  /** Deliveries claimed per round (each is one HTTP call, run concurrently). */
  WEBHOOKS_BATCH: cfg.int({ default: 20, min: 1, max: 500 }),
  /** Plain http:// receivers (development); production receivers must use https. */
  WEBHOOKS_ALLOW_HTTP: cfg.bool({ default: true }),
});

export type WebhooksConfig = ReturnType<typeof webhooksConfig.get>;
