import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SECRET_BOX, WEBHOOKS_SETTINGS, type SecretBox, type WebhooksSettings } from '../core';
import { DeliveryRepository } from './delivery.repository';
import type { ClaimedDelivery } from './delivery.row';
import { retryDelayMs } from './rules/backoff';
import { SIGNATURE_HEADER, signatureHeader } from './rules/signature';

/**
 * Sends due deliveries: leases a batch (oldest pending per subscription and key), POSTs each with
 * its signature, and records the outcome. 2xx is delivered; anything else (an error status, a
 * refused connection, a timeout) is retried with backoff until WEBHOOKS_MAX_ATTEMPTS, then the
 * delivery is a dead letter that an operator can replay. The same delivery id and event id go
 * with every try, so a receiver deduplicates a try whose 2xx we never saw.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;

  constructor(
    private readonly deliveries: DeliveryRepository,
    @Inject(SECRET_BOX) private readonly secrets: SecretBox,
    @Inject(WEBHOOKS_SETTINGS) private readonly settings: WebhooksSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** New deliveries were committed: look now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** One round: claim and send; returns how many were claimed. Exposed for tests. */
  async dispatchOnce(now = () => new Date()): Promise<number> {
    const lease = this.settings.timeoutMs * 2 + 1_000;
    const claimed = await this.deliveries.claimDue(this.settings.batch, lease);
    await Promise.all(claimed.map((d) => this.send(d, now())));
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        this.woken = false;
        claimed = await this.dispatchOnce();
      } catch (error) {
        this.logger.warn(`Dispatch round failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (claimed < this.settings.batch && !this.woken && this.running) await this.idle(this.settings.pollMs);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async send(delivery: ClaimedDelivery, at: Date): Promise<void> {
    let status: number | null = null;
    let error = '';
    try {
      const secret = this.secrets.open(delivery.secret_sealed, delivery.subscription_id);
      const response = await fetch(delivery.url, {
        method: 'POST',
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        headers: {
          'content-type': 'application/cloudevents+json; charset=utf-8',
          [SIGNATURE_HEADER]: signatureHeader(secret, delivery.body, at),
          'cwp-delivery-id': delivery.id,
          'cwp-event-id': delivery.event_id,
          'cwp-event-type': delivery.event_type,
          'cwp-attempt': String(delivery.attempts + 1),
        },
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (status >= 200 && status < 300) {
        await this.deliveries.markDelivered(delivery.seq, status);
        return;
      }
      error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const delay = retryDelayMs(delivery.attempts + 1, this.settings.minBackoffMs, this.settings.maxBackoffMs);
    const outcome = await this.deliveries.markFailed(delivery.seq, status, error, delay, this.settings.maxAttempts);
    if (outcome === 'dead') {
      this.logger.warn({
        msg: 'webhook delivery dead-lettered',
        deliveryId: delivery.id,
        subscriptionId: delivery.subscription_id,
        eventId: delivery.event_id,
        attempts: delivery.attempts + 1,
        error,
      });
    }
  }
}
