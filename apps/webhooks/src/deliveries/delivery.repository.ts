import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DELIVERY_COLUMNS, type ClaimedDelivery, type DeliveryRow, type DeliveryStatus } from './delivery.row';

export interface NewDeliveries {
  ids: string[];
  subscriptionIds: string[];
  eventId: string;
  eventType: string;
  messageKey: string;
  body: string;
}

/** SQL of the deliveries table. The fan-out writes in the inbox transaction; the dispatcher leases. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per subscription, in one statement; a redelivered event inserts nothing twice. */
  async insertMany(em: EntityManager, d: NewDeliveries): Promise<number> {
    const rows = (await em.query(
      `INSERT INTO deliveries (id, subscription_id, event_id, event_type, message_key, body)
       SELECT u.id, u.subscription_id, $3, $4, $5, $6 FROM unnest($1::uuid[], $2::uuid[]) AS u(id, subscription_id)
       ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING id`,
      [d.ids, d.subscriptionIds, d.eventId, d.eventType, d.messageKey, d.body],
    )) as unknown[];
    return rows.length;
  }

  /**
   * Leases up to `limit` due deliveries for `leaseMs`: for each (subscription, key) only the oldest
   * pending one is eligible, so a receiver sees one aggregate's events in the order Kafka had them,
   * and never two of them at once. SKIP LOCKED + the lease let several dispatchers share the work.
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return this.dataSource.transaction(async (em) => {
      const rows = (await em.query(
        `WITH heads AS (
           SELECT DISTINCT ON (subscription_id, message_key) seq FROM deliveries
            WHERE status = 'pending' ORDER BY subscription_id, message_key, seq
         )
         SELECT ${DELIVERY_COLUMNS}, s.url, s.secret_sealed
           FROM deliveries d JOIN heads h ON h.seq = d.seq JOIN subscriptions s ON s.id = d.subscription_id
          WHERE d.next_attempt_at <= now() AND (d.leased_until IS NULL OR d.leased_until < now())
          ORDER BY d.seq LIMIT $1 FOR UPDATE OF d SKIP LOCKED`,
        [limit],
      )) as ClaimedDelivery[];
      if (rows.length) {
        await em.query(`UPDATE deliveries SET leased_until = now() + ($2 || ' milliseconds')::interval WHERE seq = ANY($1::bigint[])`, [
          rows.map((r) => r.seq),
          String(leaseMs),
        ]);
      }
      return rows;
    });
  }

  async markDelivered(seq: string, httpStatus: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = now(), last_status = $2, last_error = NULL, leased_until = NULL WHERE seq = $1 AND status = 'pending'`,
      [seq, httpStatus],
    );
  }

  /** A failed try: retried after `retryInMs`, or dead when it was the last one allowed. */
  async markFailed(seq: string, httpStatus: number | null, error: string, retryInMs: number, maxAttempts: number): Promise<DeliveryStatus> {
    // TypeORM answers an UPDATE … RETURNING with [rows, rowCount].
    const [rows] = (await this.dataSource.query(
      `UPDATE deliveries
          SET attempts = attempts + 1, last_status = $2, last_error = left($3, 500), leased_until = NULL,
              status = CASE WHEN attempts + 1 >= $5 THEN 'dead' ELSE 'pending' END,
              next_attempt_at = now() + ($4 || ' milliseconds')::interval
        WHERE seq = $1 AND status = 'pending' RETURNING status`,
      [seq, httpStatus, error, String(retryInMs), maxAttempts],
    )) as [Array<{ status: DeliveryStatus }>, number];
    return rows[0]?.status ?? 'pending';
  }

  /** Dead letters back to pending, due now (the replay); returns how many. */
  async replay(em: EntityManager, ids: string[]): Promise<number> {
    const [, count] = (await em.query(
      `UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), leased_until = NULL WHERE id = ANY($1::uuid[]) AND status = 'dead'`,
      [ids],
    )) as [unknown[], number];
    return count;
  }

  async findById(id: string): Promise<DeliveryRow | undefined> {
    const rows = (await this.dataSource.query(`SELECT ${DELIVERY_COLUMNS} FROM deliveries d WHERE d.id = $1`, [id])) as DeliveryRow[];
    return rows[0];
  }

  /** Keyset page (by seq) of one subscription's deliveries, optionally of one status. */
  async page(
    subscriptionId: string,
    status: DeliveryStatus | undefined,
    afterSeq: string | undefined,
    limit: number,
  ): Promise<DeliveryRow[]> {
    return (await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries d
        WHERE d.subscription_id = $1 AND ($2::text IS NULL OR d.status = $2) AND d.seq > $3::bigint
        ORDER BY d.seq LIMIT $4`,
      [subscriptionId, status ?? null, afterSeq ?? '0', limit],
    )) as DeliveryRow[];
  }

  async counts(subscriptionId: string): Promise<Record<DeliveryStatus, number>> {
    const rows = (await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM deliveries WHERE subscription_id = $1 GROUP BY status`,
      [subscriptionId],
    )) as Array<{
      status: DeliveryStatus;
      n: number;
    }>;
    const counts: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, dead: 0 };
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }
}
