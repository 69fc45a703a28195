import { outboxMigrations } from '../outbox/outbox.migrations';
import { inboxMigrations } from '../inbox/inbox.migrations';

/**
 * The platform tables every service schema holds. A service lists
 * `migrations: [...platformMigrations, ...itsOwn]`; platform migration timestamps (1700000000xxx)
 * sort before any service migration.
 *
 * >>> SPOT FOR audit/idempotency: add `...auditMigrations` (../audit/audit.migrations) and
 * >>> `...idempotencyMigrations` (../idempotency/idempotency.migrations) here once they land.
 */
export const platformMigrations: Function[] = [...outboxMigrations, ...inboxMigrations];
