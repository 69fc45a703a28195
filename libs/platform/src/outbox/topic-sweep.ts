import { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { ensureCompactedTopic } from '../kafka/kafka-admin';

/**
 * The timer of a compacted topic's sweep: makes the topic compacted, runs `publish` at start-up
 * (bootstrap, bulk loads) and then every `seconds` (0 = at start-up only). A run never overlaps
 * the previous one; a failed run is logged and retried by the next. `publish` returns how many
 * states it published.
 */
export class TopicSweep {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    name: string,
    private readonly publish: () => Promise<number>,
  ) {
    this.logger = new Logger(`TopicSweep:${name}`);
  }

  start(seconds: number): void {
    void ensureCompactedTopic(this.kafka, this.topic).catch((error: unknown) =>
      this.logger.warn({ msg: 'state topic not made compacted yet', topic: this.topic, error: String(error) }),
    );
    void this.sweep();
    if (seconds > 0) {
      this.timer = setInterval(() => void this.sweep(), seconds * 1000);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One run now (or the one under way); how many states it published. */
  sweep(): Promise<number> {
    this.running ??= this.publish()
      .then((count) => {
        if (count > 0) this.logger.log({ msg: 'states published', topic: this.topic, count });
        return count;
      })
      .catch((error: unknown) => {
        this.logger.warn({ msg: 'state sweep failed; the next one retries', topic: this.topic, error: String(error) });
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
