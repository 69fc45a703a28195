import { auditMigrations } from '../audit/audit.migrations';
import { deadLetterMigrations } from '../dead-letters/dead-letters.migrations';
import { idempotencyMigrations } from '../idempotency/idempotency.migrations';
import { inboxMigrations } from '../inbox/inbox.migrations';
import { outboxMigrations } from '../outbox/outbox.migrations';

/**
 * The platform tables every service schema holds: outbox, inbox, audit_log, idempotency_keys,
 * dead_letters.
 * A service lists `migrations: [...platformMigrations, ...itsOwn]`; platform migration timestamps
 * (1700000000xxx) sort before any service migration, so these tables exist first.
 */
export const platformMigrations: Function[] = [
  ...outboxMigrations,
  ...inboxMigrations,
  ...auditMigrations,
  ...idempotencyMigrations,
  ...deadLetterMigrations,
];
