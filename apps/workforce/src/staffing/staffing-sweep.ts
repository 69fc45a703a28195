import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { WORKFORCE_STAFFING_TOPIC } from '@cwp/contracts';
import { KAFKA_CLIENT, cfg, defineServiceConfig, ensureCompactedTopic } from '@cwp/platform';
import { StaffingPublisher } from './staffing-publisher';

/** How often every unit's staffing is compared with what was published (0 = at start-up only). */
export const staffingConfig = defineServiceConfig('workforce-staffing', {
  WORKFORCE_STAFFING_SWEEP_SECONDS: cfg.int({ default: 30, min: 0, max: 86_400 }),
});

/**
 * Makes the topic compacted, publishes every unit's staffing at start-up (bootstrap for new
 * consumers; catches bulk loads such as the demo city's COPY) and again on a timer for changes
 * made outside the hire and worker-change paths (quotas, floating loans).
 */
@Injectable()
export class StaffingSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StaffingSweep');
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly publisher: StaffingPublisher,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = staffingConfig.get().WORKFORCE_STAFFING_SWEEP_SECONDS;
    void ensureCompactedTopic(this.kafka, WORKFORCE_STAFFING_TOPIC).catch((error: unknown) =>
      this.logger.warn({ msg: 'staffing topic not made compacted yet', error: String(error) }),
    );
    void this.sweep();
    if (seconds > 0) {
      this.timer = setInterval(() => void this.sweep(), seconds * 1000);
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.publisher.publishAll();
    } catch (error) {
      this.logger.warn({ msg: 'staffing sweep failed; the next one retries', error: String(error) });
    } finally {
      this.running = false;
    }
  }
}
