import type { DataSource } from 'typeorm';
import { purgePublishedOutbox } from '../outbox/purge-published';

export interface RetentionDays {
  /** Published outbox rows older than this go (unpublished rows never). */
  outbox: number;
  /** Inbox rows (the duplicate guard) older than this go: keep it longer than any redelivery or replay. */
  inbox: number;
  /** Replayed dead letters older than this go (pending ones never). */
  deadLetters: number;
}

export type PurgeCounts = Record<'outbox' | 'inbox' | 'idempotency_keys' | 'dead_letters', number>;

const UNDEFINED_TABLE = '42P01';

/**
 * One housekeeping pass over the platform tables of the connection's schema, each in short
 * batched DELETEs (no long lock): published outbox rows, inbox rows and replayed dead letters
 * past their retention, and idempotency keys past their own `expires_at` (24 h after the request).
 * A table the schema does not have is skipped.
 */
export async function purgeOldRows(dataSource: DataSource, retention: RetentionDays, batchSize = 5_000): Promise<PurgeCounts> {
  return {
    outbox: await ifTableExists(() => purgePublishedOutbox(dataSource, retention.outbox, batchSize)),
    inbox: await ifTableExists(() =>
      deleteInBatches(
        dataSource,
        'DELETE FROM inbox WHERE ctid IN (SELECT ctid FROM inbox WHERE received_at < now() - make_interval(days => $1) LIMIT $2)',
        retention.inbox,
        batchSize,
      ),
    ),
    idempotency_keys: await ifTableExists(() =>
      deleteInBatches(
        dataSource,
        'DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= now() - make_interval(days => $1) LIMIT $2)',
        0,
        batchSize,
      ),
    ),
    dead_letters: await ifTableExists(() =>
      deleteInBatches(
        dataSource,
        'DELETE FROM dead_letters WHERE id IN (SELECT id FROM dead_letters WHERE replayed_at IS NOT NULL AND replayed_at < now() - make_interval(days => $1) LIMIT $2)',
        retention.deadLetters,
        batchSize,
      ),
    ),
  };
}

async function deleteInBatches(dataSource: DataSource, sql: string, days: number, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const [, count] = (await dataSource.query(sql, [days, batchSize])) as [unknown, number];
    total += count;
    if (count < batchSize) return total;
  }
}

async function ifTableExists(purge: () => Promise<number>): Promise<number> {
  try {
    return await purge();
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return 0;
    throw error;
  }
}
