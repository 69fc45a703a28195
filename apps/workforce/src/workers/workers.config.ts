import { cfg, defineServiceConfig } from '@cwp/platform';

/**
 * The roster's own variables. PII_ENCRYPTION_KEY and PERSON_REF_KEY mean exactly what they mean
 * in the talent pool (apps/talent-pool/src/config.ts): services that match persons must share
 * PERSON_REF_KEY (or PII_ENCRYPTION_KEY, from which it is derived), or their `personRef`s differ.
 */
export const workersConfig = defineServiceConfig('workforce-workers', {
  PII_ENCRYPTION_KEY: cfg.string({ optional: true, pattern: /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/ }),
  PERSON_REF_KEY: cfg.string({ optional: true, pattern: /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/ }),
  NODE_ENV: cfg.string({ default: 'development' }),
});
