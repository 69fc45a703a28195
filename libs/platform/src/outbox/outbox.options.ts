import type { EventContract } from '@cwp/contracts';

export interface PlatformOutboxOptions {
  /** Service name; events get `source: /cwp/<service>`. */
  service: string;
  /** The contracts this service produces: validation, and the topics `ensureTopics` creates. */
  produces: readonly EventContract[];
  relay?: OutboxRelayOptions | false;
}

export interface OutboxRelayOptions {
  /** Rows per publish transaction (default 100). */
  batchSize?: number;
  /** Poll interval when idle (default 1000 ms); NOTIFY after commit wakes it sooner. */
  intervalMs?: number;
  /** Backoff after a failure: starts at minBackoffMs, doubles, capped at maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** LISTEN for commit notifications from OutboxWriter (default true). */
  listen?: boolean;
}

export const PLATFORM_OUTBOX_OPTIONS = Symbol('PLATFORM_OUTBOX_OPTIONS');

/** The NOTIFY channel OutboxWriter signals on; the payload is the schema, delivered on commit only. */
export const OUTBOX_NOTIFY_CHANNEL = 'cwp_outbox';
