import type { DataSource } from 'typeorm';

/**
 * Deletes outbox rows published more than `olderThanDays` ago, in batches (short transactions,
 * no long lock on the table). Unpublished rows are never touched. Call it from a scheduled
 * activity; returns how many rows went.
 */
export async function purgePublishedOutbox(dataSource: DataSource, olderThanDays: number, batchSize = 5_000): Promise<number> {
  if (!Number.isFinite(olderThanDays) || olderThanDays < 0) throw new Error('olderThanDays must be a non-negative number');
  let purged = 0;
  for (;;) {
    const [, count] = (await dataSource.query(
      `DELETE FROM outbox WHERE seq IN (
         SELECT seq FROM outbox
          WHERE published_at IS NOT NULL AND published_at < now() - make_interval(days => $1)
          ORDER BY seq LIMIT $2)`,
      [olderThanDays, batchSize],
    )) as [unknown, number];
    purged += count;
    if (count < batchSize) return purged;
  }
}
