import {
  Global,
  Inject,
  Injectable,
  Module,
  Optional,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { ReadinessRegistry } from '../health';
import { DataSource } from 'typeorm';
import { DeadLetterStore } from '../dead-letters/dead-letter-store';
import { DeadLettersController } from '../dead-letters/dead-letters.controller';
import { DeadLettersService } from '../dead-letters/dead-letters.service';
import { EVENT_PUBLISHER, EVENT_SUBSCRIBER, KAFKA_CLIENT, type EventPublisher, type EventSubscriber } from '../kafka/kafka.types';
import { inboxObserverFor } from '../metrics/inbox-metrics';
import { ServiceMetrics } from '../metrics/service-metrics';
import { operationsSettings } from '../operations/operations-config';
import { InboxConsumer, type InboxConsumerOptions } from './inbox-consumer';

@Injectable()
class InboxLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Optional() private readonly readiness?: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness?.register('inbox', async () => {
      const pending = this.inbox.pendingConsumers();
      if (pending.length) throw new Error(`not subscribed yet: ${pending.join(', ')}`);
    });
  }

  /** After every module's onModuleInit, so all handlers are registered; never blocks on Kafka. */
  onApplicationBootstrap(): void {
    this.inbox.startInBackground();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.inbox.stop();
  }
}

/**
 * Inject `InboxConsumer` and call `registerEventHandler({...})` in a feature module's
 * onModuleInit; consumption starts on application bootstrap. Needs the database and Kafka modules.
 * A message whose handler fails `maxAttempts` times (INBOX_MAX_ATTEMPTS) is dead-lettered; city
 * operators list and replay dead letters at `/api/<service>/dead-letters` (needs PlatformHttpModule).
 */
@Global()
@Module({})
export class PlatformInboxModule {
  static forService(options: InboxConsumerOptions = {}): DynamicModule {
    return {
      module: PlatformInboxModule,
      controllers: [DeadLettersController],
      providers: [
        {
          provide: DeadLetterStore,
          inject: [DataSource, EVENT_PUBLISHER, { token: KAFKA_CLIENT, optional: true }],
          useFactory: (dataSource: DataSource, publisher: EventPublisher, kafka?: Kafka) =>
            new DeadLetterStore(dataSource, publisher, kafka),
        },
        {
          provide: InboxConsumer,
          inject: [DataSource, EVENT_SUBSCRIBER, DeadLetterStore, { token: ServiceMetrics, optional: true }],
          useFactory: (dataSource: DataSource, subscriber: EventSubscriber, deadLetters: DeadLetterStore, metrics?: ServiceMetrics) =>
            new InboxConsumer(
              dataSource,
              subscriber,
              { ...options, maxAttempts: options.maxAttempts ?? operationsSettings().INBOX_MAX_ATTEMPTS },
              { deadLetters, ...(metrics ? { observer: inboxObserverFor(metrics) } : {}) },
            ),
        },
        DeadLettersService,
        InboxLifecycle,
      ],
      exports: [InboxConsumer, DeadLetterStore],
    };
  }
}
