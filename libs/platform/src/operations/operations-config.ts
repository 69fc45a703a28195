import { cfg, loadConfig, type ConfigOf } from '../config/config-schema';
import { withStackEnv } from '../config/platform-config';

/**
 * Operations settings of every service (issue 9): poison messages, retention, tracing export.
 * Validated at boot with the platform schema (bootstrapService), read by the platform modules.
 */
export const operationsConfigSchema = {
  INBOX_MAX_ATTEMPTS: cfg.int({
    default: 8,
    min: 1,
    max: 1_000,
    description: 'handler tries per message before it goes to the dead-letter topic',
  }),
  OUTBOX_RETENTION_DAYS: cfg.int({ default: 7, min: 0, description: 'days a published outbox row is kept' }),
  INBOX_RETENTION_DAYS: cfg.int({
    default: 30,
    min: 1,
    description: 'days an inbox row (duplicate guard) is kept; longer than any redelivery',
  }),
  DEAD_LETTER_RETENTION_DAYS: cfg.int({ default: 90, min: 1, description: 'days a replayed dead letter is kept' }),
  HOUSEKEEPING_INTERVAL_MINUTES: cfg.int({ default: 60, min: 0, description: 'purge period; 0 turns housekeeping off' }),
  OTEL_EXPORTER_OTLP_ENDPOINT: cfg.url({
    optional: true,
    protocols: ['http', 'https'],
    description: 'OTLP/HTTP base URL (…:4318); unset = traces not exported',
  }),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: cfg.url({
    optional: true,
    protocols: ['http', 'https'],
    description: 'full OTLP/HTTP traces URL (overrides the base URL)',
  }),
};

export type OperationsSettings = ConfigOf<typeof operationsConfigSchema>;

/** The environment (plus stack.env) read through the schema; throws ConfigValidationError listing problems. */
export function operationsSettings(env: NodeJS.ProcessEnv = process.env): OperationsSettings {
  return loadConfig(operationsConfigSchema, withStackEnv(env));
}

/** The traces URL an exporter should post to, or undefined when tracing export is off. */
export function otlpTracesUrl(
  settings: Partial<Pick<OperationsSettings, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'>>,
): string | undefined {
  if (settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (settings.OTEL_EXPORTER_OTLP_ENDPOINT) return `${settings.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return undefined;
}
