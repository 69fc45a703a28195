import { cfg, type ConfigSchema } from '../config/config-schema';
import { defineServiceConfig } from '../config/service-config';

const KEY = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/;

/**
 * The personal-data key variables, the same in every service that stores personal data. Services
 * that match persons must share PERSON_REF_KEY (or PII_ENCRYPTION_KEY, from which it is derived),
 * or their personRefs differ.
 */
export const piiConfigSchema = {
  /**
   * 32-byte AES-256-GCM key for national ID and phone numbers at rest, as 64 hex characters or
   * base64. Unset: a local key is created once under the state folder (refused in production).
   */
  PII_ENCRYPTION_KEY: cfg.string({ optional: true, pattern: KEY }),
  /**
   * 32-byte HMAC key of `personRef` (libs/contracts worker-hired.ts). Unset: derived from
   * PII_ENCRYPTION_KEY with HKDF-SHA256 (info "cwp.person-ref.v1"), so services sharing that key agree.
   */
  PERSON_REF_KEY: cfg.string({ optional: true, pattern: KEY }),
  NODE_ENV: cfg.string({ default: 'development' }),
} satisfies ConfigSchema;

/** Pass to `bootstrapService({ configs: [piiConfig, …] })` so a bad key is reported at boot. */
export const piiConfig = defineServiceConfig('pii', piiConfigSchema);
