import { Global, Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_SUBSCRIBER, type EventSubscriber } from '../kafka/kafka.types';
import { InboxConsumer, type InboxConsumerOptions } from './inbox-consumer';

@Injectable()
class InboxLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(InboxConsumer) private readonly inbox: InboxConsumer) {}

  /** After every module's onModuleInit, so all handlers are registered. */
  async onApplicationBootstrap(): Promise<void> {
    await this.inbox.start();
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
