import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { WORKFORCE_STAFFING_TOPIC } from '@cwp/contracts';
import { KAFKA_CLIENT, TopicSweep, cfg, defineServiceConfig } from '@cwp/platform';
import { StaffingPublisher } from './staffing-publisher';

/** How often every unit's staffing is compared with what was published (0 = at start-up only). */
export const staffingConfig = defineServiceConfig('workforce-staffing', {
  WORKFORCE_STAFFING_SWEEP_SECONDS: cfg.int({ default: 30, min: 0, max: 86_400 }),
});

/**
 * Makes the topic compacted, publishes every unit's staffing at start-up (bootstrap for new
 * consumers; catches bulk loads such as the demo city's COPY) and again on a timer for changes
 * made outside the hire and worker-change paths (quotas, floating loans), on the platform's
 * TopicSweep (no overlapping runs; a failed run is retried by the next).
 */
@Injectable()
export class StaffingSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweeper: TopicSweep;

  constructor(publisher: StaffingPublisher, @Inject(KAFKA_CLIENT) kafka: Kafka) {
    this.sweeper = new TopicSweep(kafka, WORKFORCE_STAFFING_TOPIC, 'staffing', () => publisher.publishAll());
  }

  onApplicationBootstrap(): void {
    this.sweeper.start(staffingConfig.get().WORKFORCE_STAFFING_SWEEP_SECONDS);
  }

  onApplicationShutdown(): void {
    this.sweeper.stop();
  }
}
