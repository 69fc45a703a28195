import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ContractRegistry } from '@cwp/contracts';
import { ReadinessRegistry } from '../health';
import { ensureTopics } from '../kafka/kafka-admin';
import { EVENT_PUBLISHER, KAFKA_CLIENT, type EventPublisher } from '../kafka/kafka.types';
import { relayObserverFor, watchOutboxBacklog } from '../metrics/outbox-metrics';
import { ServiceMetrics } from '../metrics/service-metrics';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';
import { PLATFORM_OUTBOX_OPTIONS, type PlatformOutboxOptions } from './outbox.options';

/** Consecutive failed batches after which readiness reports the relay as down. */
const RELAY_UNHEALTHY_AFTER_FAILURES = 5;

@Injectable()
class OutboxLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(PLATFORM_OUTBOX_OPTIONS) private readonly options: PlatformOutboxOptions,
    private readonly relay: OutboxRelay,
    private readonly dataSource: DataSource,
    @Optional() private readonly readiness?: ReadinessRegistry,
    @Optional() private readonly metrics?: ServiceMetrics,
  ) {}

  onModuleInit(): void {
    if (this.metrics) watchOutboxBacklog(this.metrics, this.dataSource);
    if (this.options.relay !== false) {
      this.readiness?.register('outbox-relay', async () => {
        if (this.relay.consecutiveFailures >= RELAY_UNHEALTHY_AFTER_FAILURES) {
          throw new Error(`${this.relay.consecutiveFailures} publish attempts failed in a row`);
        }
      });
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    // start() returns at once (LISTEN aside): publishing, and topic creation, happen in the loop.
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
          inject: [DataSource, EVENT_PUBLISHER, KAFKA_CLIENT, { token: ServiceMetrics, optional: true }],
          useFactory: (dataSource: DataSource, publisher: EventPublisher, kafka: Kafka, metrics?: ServiceMetrics) => {
            const logger = new Logger('Outbox');
            // The topics of the contracts this service produces exist before its first publish.
            // Done by the relay (retried with its backoff), not at module init: the service starts
            // and stores events while Kafka is down; that is what the outbox is for.
            const createTopics = async () => {
              const created = await ensureTopics(kafka, new ContractRegistry(options.produces).topics());
              if (created.length) logger.log(`Created topics ${created.join(', ')}`);
            };
            const observer = metrics ? relayObserverFor(metrics) : undefined;
            return new OutboxRelay(dataSource, publisher, options.relay === false ? {} : (options.relay ?? {}), createTopics, observer);
          },
        },
        OutboxLifecycle,
      ],
      exports: [OutboxWriter, OutboxRelay],
    };
  }
}
