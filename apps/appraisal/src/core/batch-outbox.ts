import type { EntityManager } from 'typeorm';
import type { EventContract } from '@cwp/contracts';
import type { OutboxWriter } from '@cwp/platform';

/**
 * kit: the batch outbox append the shape names (platform `appendBatch` is being built by the
 * shape-kit branch). Until then a batch is appended event by event in the caller's transaction:
 * each is validated and guarded exactly like a single append, and they commit together.
 */
export async function appendBatch<T>(
  outbox: OutboxWriter,
  em: EntityManager,
  contract: EventContract<T>,
  events: readonly { key: string; data: T }[],
): Promise<void> {
  for (const event of events) await outbox.append(em, { contract, key: event.key, data: event.data });
}
