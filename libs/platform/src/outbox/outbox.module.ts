import { Global, Inject, Injectable, Logger, Module, Optional, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ContractRegistry } from '@cwp/contracts';
import { ReadinessRegistry } from '../health';
import { ensureTopics } from '../kafka/kafka-admin';
import { EVENT_PUBLISHER, KAFKA_CLIENT, type EventPublisher } from '../kafka/kafka.types';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';
import { PLATFORM_OUTBOX_OPTIONS, type PlatformOutboxOptions } from './outbox.options';

/** Consecutive failed batches after which readiness reports the relay as down. */
const RELAY_UNHEALTHY_AFTER_FAILURES = 5;

@Injectable()
class OutboxLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');

  constructor(
    @Inject(PLATFORM_OUTBOX_OPTIONS) private readonly options: PlatformOutboxOptions,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly relay: OutboxRelay,
    @Optional() private readonly readiness?: ReadinessRegistry,
  ) {}

  /** The topics of the contracts this service produces exist before anything is published. */
  async onModuleInit(): Promise<void> {
    const created = await ensureTopics(this.kafka, new ContractRegistry(this.options.produces).topics());
    if (created.length) this.logger.log(`Created topics ${created.join(', ')}`);
    if (this.options.relay !== false) {
      this.readiness?.register('outbox-relay', async () => {
        if (this.relay.consecutiveFailures >= RELAY_UNHEALTHY_AFTER_FAILURES) {
          throw new Error(`${this.relay.consecutiveFailures} publish attempts failed in a row`);
        }
      });
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.relay !== false) await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/**
 * The transactional outbox for one service: inject `OutboxWriter` to append events inside a
 * transaction; the `OutboxRelay` runs from bootstrap to shutdown (relay: false turns it off, e.g.
 * for a process that only serves HTTP while another runs the relay). Needs PlatformDatabaseModule
 * and PlatformKafkaModule.
 */
@Global()
@Module({})
export class PlatformOutboxModule {
  static forService(options: PlatformOutboxOptions): DynamicModule {
    return {
      module: PlatformOutboxModule,
      providers: [
        { provide: PLATFORM_OUTBOX_OPTIONS, useValue: options },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter(options.service, options.produces) },
        {
          provide: OutboxRelay,
          inject: [DataSource, EVENT_PUBLISHER],
          useFactory: (dataSource: DataSource, publisher: EventPublisher) =>
            new OutboxRelay(dataSource, publisher, options.relay === false ? {} : (options.relay ?? {})),
        },
        OutboxLifecycle,
      ],
      exports: [OutboxWriter, OutboxRelay],
    };
  }
}
