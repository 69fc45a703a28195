import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, OrgUnitDirectory, type Principal } from '@cwp/platform';
import { SECRET_BOX, WEBHOOKS_SETTINGS, type SecretBox, type WebhooksSettings } from '../core';
import { SubscriptionRepository } from './subscription.repository';
import {
  toSubscriptionResponse,
  type CreateSubscriptionDto,
  type CreatedSubscriptionResponse,
  type SubscriptionResponse,
} from './subscription.dto';

/** Subscriptions of HR systems, made and ended by city operators; each change audited. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SubscriptionRepository,
    private readonly audit: AuditTrail,
    private readonly directory: OrgUnitDirectory,
    @Inject(SECRET_BOX) private readonly secrets: SecretBox,
    @Inject(WEBHOOKS_SETTINGS) private readonly settings: WebhooksSettings,
  ) {}

  async create(dto: CreateSubscriptionDto, principal: Principal): Promise<CreatedSubscriptionResponse> {
    if (!this.settings.allowHttp && !dto.url.startsWith('https://')) throw DomainError.validation('url', 'url must use https');
    if (!this.directory.get(dto.unitScope))
      throw DomainError.validation('unitScope', `unitScope ${dto.unitScope} is not a unit of the org tree`);
    const id = randomUUID();
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const row = await this.dataSource.transaction(async (em) => {
      const created = await this.repository.insert(em, {
        id,
        name: dto.name,
        url: dto.url,
        event_types: dto.eventTypes,
        unit_scope: dto.unitScope,
        secret_sealed: this.secrets.seal(secret, id),
        created_by: principal.sub,
      });
      await this.audit.record(
        em,
        {
          action: 'webhook.subscription.create',
          entity: 'webhook-subscription',
          entityId: id,
          after: { ...toSubscriptionResponse(created) },
        },
        principal,
      );
      return created;
    });
    return { ...toSubscriptionResponse(row), secret };
  }

  async list(): Promise<SubscriptionResponse[]> {
    return (await this.repository.list()).map(toSubscriptionResponse);
  }

  async get(id: string): Promise<SubscriptionResponse> {
    const row = await this.repository.findById(id);
    if (!row) throw DomainError.notFound('webhook subscription', id);
    return toSubscriptionResponse(row);
  }

  /** Ends a subscription: no new deliveries; pending ones still go out (they were promised). */
  async deactivate(id: string, principal: Principal): Promise<SubscriptionResponse> {
    const row = await this.dataSource.transaction(async (em) => {
      const ended = await this.repository.deactivate(em, id);
      if (!ended) throw DomainError.notFound('active webhook subscription', id);
      await this.audit.record(
        em,
        { action: 'webhook.subscription.deactivate', entity: 'webhook-subscription', entityId: id, changedFields: ['active'] },
        principal,
      );
      return ended;
    });
    return toSubscriptionResponse(row);
  }
}
