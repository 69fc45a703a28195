import { ConfigValidationError } from '../config/config-schema';
import { operationsSettings, otlpTracesUrl } from './operations-config';

const isolated = (env: Record<string, string>) => ({ CWP_STATE_DIR: '/nonexistent-cwp-state', ...env });

describe('operations settings (issue 9)', () => {
  it('defaults: 8 tries before a dead letter, 7/30/90 days retention, hourly housekeeping, no trace export', () => {
    expect(operationsSettings(isolated({}))).toEqual({
      INBOX_MAX_ATTEMPTS: 8,
      OUTBOX_RETENTION_DAYS: 7,
      INBOX_RETENTION_DAYS: 30,
      DEAD_LETTER_RETENTION_DAYS: 90,
      HOUSEKEEPING_INTERVAL_MINUTES: 60,
      OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: undefined,
    });
  });

  it('names every bad variable', () => {
    try {
      operationsSettings(
        isolated({ INBOX_MAX_ATTEMPTS: '0', INBOX_RETENTION_DAYS: 'soon', OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://collector' }),
      );
      throw new Error('expected a ConfigValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      const message = (error as Error).message;
      for (const name of ['INBOX_MAX_ATTEMPTS', 'INBOX_RETENTION_DAYS', 'OTEL_EXPORTER_OTLP_ENDPOINT']) expect(message).toContain(name);
    }
  });

  it('the OTLP traces URL: the full traces endpoint wins, else <base>/v1/traces, else none', () => {
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe('http://collector:4318/v1/traces');
    expect(
      otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://x/traces' }),
    ).toBe('https://x/traces');
    expect(otlpTracesUrl({})).toBeUndefined();
  });
});
