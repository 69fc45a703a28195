import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, type Principal } from '@cwp/platform';
import { SubscriptionRepository } from '../subscriptions';
import { DeliveryDispatcher } from './delivery-dispatcher.service';
import { DeliveryRepository } from './delivery.repository';
import { toDeliveryResponse, type DeliveryPageResponse, type DeliveryResponse, type ListDeliveriesQueryDto } from './delivery.dto';

/** Delivery state for operators, and the replay of dead letters (audited). */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly audit: AuditTrail,
  ) {}

  async page(subscriptionId: string, query: ListDeliveriesQueryDto): Promise<DeliveryPageResponse> {
    if (!(await this.subscriptions.findById(subscriptionId))) throw DomainError.notFound('webhook subscription', subscriptionId);
    const limit = query.limit ?? 100;
    const rows = await this.deliveries.page(subscriptionId, query.status, query.after, limit);
    return {
      items: rows.map(toDeliveryResponse),
      counts: await this.deliveries.counts(subscriptionId),
      nextCursor: rows.length === limit ? rows[rows.length - 1].seq : null,
    };
  }

  async get(id: string): Promise<DeliveryResponse> {
    const row = await this.deliveries.findById(id);
    if (!row) throw DomainError.notFound('webhook delivery', id);
    return toDeliveryResponse(row);
  }

  /** A dead letter goes out again with the same delivery and event id (receivers deduplicate on them). */
  async replay(id: string, principal: Principal): Promise<DeliveryResponse> {
    const row = await this.deliveries.findById(id);
    if (!row) throw DomainError.notFound('webhook delivery', id);
    if (row.status !== 'dead') throw DomainError.validation('id', `delivery ${id} is ${row.status}: only dead letters are replayed`);
    await this.dataSource.transaction(async (em) => {
      await this.deliveries.replay(em, [id]);
      await this.audit.record(
        em,
        { action: 'webhook.delivery.replay', entity: 'webhook-delivery', entityId: id, changedFields: ['status'] },
        principal,
      );
    });
    this.dispatcher.wake();
    return this.get(id);
  }
}
