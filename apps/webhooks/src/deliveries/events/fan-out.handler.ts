import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EVENT_CATALOG, type CloudEvent } from '@cwp/contracts';
import { InboxConsumer } from '@cwp/platform';
import { SubscriptionRepository } from '../../subscriptions';
import { WEBHOOKS_SETTINGS, type WebhooksSettings } from '../../core';
import { DeliveryDispatcher } from '../delivery-dispatcher.service';
import { DeliveryRepository } from '../delivery.repository';
import { inScope, unitOfEvent } from '../rules/event-unit';

/**
 * Every event of the catalog, through the platform inbox (one effect per event id): one delivery
 * row per active subscription that asked for its type and whose unit scope holds the event's unit,
 * written in the inbox transaction. The body is the CloudEvent as published: a webhook carries
 * nothing the event itself does not (no personal data, by the events' contracts).
 */
@Injectable()
export class FanOutHandler implements OnModuleInit {
  constructor(
    private readonly inbox: InboxConsumer,
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly dispatcher: DeliveryDispatcher,
    @Inject(WEBHOOKS_SETTINGS) private readonly settings: WebhooksSettings,
  ) {}

  onModuleInit(): void {
    const byTopic = new Map<string, string[]>();
    for (const contract of EVENT_CATALOG.flatMap((s) => s.produces))
      byTopic.set(contract.topic, [...(byTopic.get(contract.topic) ?? []), contract.type]);
    for (const [topic, types] of byTopic) {
      this.inbox.registerEventHandler<unknown, number>({
        consumer: this.settings.consumer,
        topic,
        types,
        handle: (em, event) => this.fanOut(em, event),
        afterCommit: async (created) => {
          if (created > 0) this.dispatcher.wake();
        },
      });
    }
  }

  async fanOut(em: EntityManager, event: CloudEvent): Promise<number> {
    const unit = unitOfEvent(event.data);
    const targets = (await this.subscriptions.activeFor(em, event.type)).filter((s) => inScope(s.unit_scope, unit));
    if (targets.length === 0) return 0;
    return this.deliveries.insertMany(em, {
      ids: targets.map(() => randomUUID()),
      subscriptionIds: targets.map((s) => s.id),
      eventId: event.id,
      eventType: event.type,
      messageKey: event.subject ?? event.id,
      body: JSON.stringify(event),
    });
  }
}
