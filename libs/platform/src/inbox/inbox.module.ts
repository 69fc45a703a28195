import { Global, Inject, Injectable, Module, Optional, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry } from '../health';
import { DataSource } from 'typeorm';
import { EVENT_SUBSCRIBER, type EventSubscriber } from '../kafka/kafka.types';
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
 */
@Global()
@Module({})
export class PlatformInboxModule {
  static forService(options: InboxConsumerOptions = {}): DynamicModule {
    return {
      module: PlatformInboxModule,
      providers: [
        {
          provide: InboxConsumer,
          inject: [DataSource, EVENT_SUBSCRIBER],
          useFactory: (dataSource: DataSource, subscriber: EventSubscriber) => new InboxConsumer(dataSource, subscriber, options),
        },
        InboxLifecycle,
      ],
      exports: [InboxConsumer],
    };
  }
}
