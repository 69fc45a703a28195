import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SUBSCRIPTION_COLUMNS, type SubscriptionRow } from './subscription.row';

/** SQL of the subscriptions table; writes take the caller's transaction. */
@Injectable()
export class SubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(em: EntityManager, row: Omit<SubscriptionRow, 'created_at' | 'deactivated_at' | 'active'>): Promise<SubscriptionRow> {
    const [created] = (await em.query(
      `INSERT INTO subscriptions (id, name, url, event_types, unit_scope, secret_sealed, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [row.id, row.name, row.url, row.event_types, row.unit_scope, row.secret_sealed, row.created_by],
    )) as SubscriptionRow[];
    return created;
  }

  async findById(id: string, em: EntityManager = this.dataSource.manager): Promise<SubscriptionRow | undefined> {
    const rows = (await em.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id = $1`, [id])) as SubscriptionRow[];
    return rows[0];
  }

  async list(): Promise<SubscriptionRow[]> {
    return (await this.dataSource.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions ORDER BY created_at, id`)) as SubscriptionRow[];
  }

  async deactivate(em: EntityManager, id: string): Promise<SubscriptionRow | undefined> {
    // TypeORM answers an UPDATE … RETURNING with [rows, rowCount].
    const [rows] = (await em.query(
      `UPDATE subscriptions SET active = false, deactivated_at = now() WHERE id = $1 AND active RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [id],
    )) as [SubscriptionRow[], number];
    return rows[0];
  }

  /** Active subscriptions that take `eventType` (GIN index on event_types). */
  async activeFor(em: EntityManager, eventType: string): Promise<Array<Pick<SubscriptionRow, 'id' | 'unit_scope'>>> {
    return (await em.query('SELECT id, unit_scope FROM subscriptions WHERE active AND event_types @> ARRAY[$1]::text[]', [
      eventType,
    ])) as Array<Pick<SubscriptionRow, 'id' | 'unit_scope'>>;
  }
}
