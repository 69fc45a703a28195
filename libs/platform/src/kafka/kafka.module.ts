import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { PlatformConfig } from '../config';
import { ReadinessRegistry } from '../health';
import { ensureTopics, type TopicSpec } from './kafka-admin';
import { createKafka, kafkaBrokersFrom } from './kafka-client';
import { EVENT_PUBLISHER, EVENT_SUBSCRIBER, KAFKA_CLIENT } from './kafka.types';
import { KafkaJsPublisher } from './kafkajs-publisher';
import { KafkaJsSubscriber } from './kafkajs-subscriber';
import { watchConsumerLag } from '../metrics/kafka-metrics';
import { ServiceMetrics } from '../metrics/service-metrics';

export interface PlatformKafkaOptions {
  /** kafkajs clientId, usually the service name. */
  clientId: string;
  /** Default KAFKA_BROKERS (PlatformConfig when present). */
  brokers?: readonly string[];
  /** Topics this service produces: created at start if missing (from its contracts). */
  topics?: ReadonlyArray<string | TopicSpec>;
}

const PLATFORM_KAFKA_OPTIONS = Symbol('PLATFORM_KAFKA_OPTIONS');

@Injectable()
class KafkaLifecycle implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Kafka');
  private admin?: Admin;
  private lagWatch?: { close(): Promise<void> };

  constructor(
    @Inject(PLATFORM_KAFKA_OPTIONS) private readonly options: PlatformKafkaOptions,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(EVENT_PUBLISHER) private readonly publisher: KafkaJsPublisher,
    @Inject(EVENT_SUBSCRIBER) private readonly subscriber: KafkaJsSubscriber,
    @Optional() private readonly readiness?: ReadinessRegistry,
    @Optional() private readonly metrics?: ServiceMetrics,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.metrics) this.lagWatch = watchConsumerLag(this.metrics, this.kafka, () => this.subscriber.groups());
    this.readiness?.register('kafka', () => this.describeCluster());
    this.readiness?.register('kafka-consumers', async () => {
      const dead = this.subscriber.deadSubscriptions();
      if (dead.length) throw new Error(`consumer group(s) stopped after a crash: ${dead.join(', ')}`);
    });
    try {
      const created = await ensureTopics(this.kafka, this.options.topics ?? []);
      if (created.length) this.logger.log(`Created topics ${created.join(', ')}`);
    } catch (error) {
      // Not fatal: the relay and the consumers create their topics themselves once Kafka answers.
      this.logger.warn(`Could not ensure topics at start (Kafka unreachable?): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Consumers stop first (their handlers still need the database). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.subscriber.stopAll();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
    await this.admin?.disconnect();
    await this.lagWatch?.close();
  }

  private async describeCluster(): Promise<void> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    try {
      const cluster = await this.admin.describeCluster();
      if (cluster.brokers.length === 0) throw new Error('no brokers in cluster metadata');
    } catch (error) {
      const admin = this.admin;
      this.admin = undefined;
      await admin?.disconnect().catch(() => undefined);
      throw error;
    }
  }
}

/**
 * Kafka behind our interfaces: inject `EVENT_PUBLISHER` (EventPublisher) or `EVENT_SUBSCRIBER`
 * (EventSubscriber). Topics the service produces are created at start; clients disconnect on
 * shutdown; readiness runs admin describeCluster.
 */
@Global()
@Module({})
export class PlatformKafkaModule {
  static forService(options: PlatformKafkaOptions): DynamicModule {
    return {
      module: PlatformKafkaModule,
      providers: [
        { provide: PLATFORM_KAFKA_OPTIONS, useValue: options },
        {
          provide: KAFKA_CLIENT,
          inject: [{ token: PlatformConfig, optional: true }],
          useFactory: (config?: PlatformConfig) =>
            createKafka({ clientId: options.clientId, brokers: kafkaBrokersFrom(options.brokers ?? config?.kafkaBrokers) }),
        },
        { provide: EVENT_PUBLISHER, inject: [KAFKA_CLIENT], useFactory: (kafka: Kafka) => new KafkaJsPublisher(kafka) },
        { provide: EVENT_SUBSCRIBER, inject: [KAFKA_CLIENT], useFactory: (kafka: Kafka) => new KafkaJsSubscriber(kafka) },
        KafkaLifecycle,
      ],
      exports: [KAFKA_CLIENT, EVENT_PUBLISHER, EVENT_SUBSCRIBER],
    };
  }
}
