import { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { ensureCompactedTopic } from '../kafka/kafka-admin';
import type { OutboxWriter } from './outbox-writer';
import { publishStateChanges, type StatePublication } from './state-publication';

/**
 * Keeps one aggregate's compacted state topic current: makes the topic compacted, publishes what
 * changed at start-up (the first run publishes every row: bootstrap, bulk loads) and then every
 * `seconds`. A run never overlaps the previous one; a failed run is retried by the next.
 */
export class StateTopicSweep<Row extends { id: string }, Data> {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly kafka: Kafka,
    private readonly publication: StatePublication<Row, Data>,
  ) {
    this.logger = new Logger(`StateTopicSweep:${publication.name}`);
  }

  start(seconds: number): void {
    void ensureCompactedTopic(this.kafka, this.publication.contract.topic).catch((error: unknown) =>
      this.logger.warn({ msg: 'state topic not made compacted yet', topic: this.publication.contract.topic, error: String(error) }),
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
    this.running ??= publishStateChanges(this.dataSource, this.outbox, this.publication)
      .then((count) => {
        if (count > 0) this.logger.log({ msg: 'states published', topic: this.publication.contract.topic, count });
        return count;
      })
      .catch((error: unknown) => {
        this.logger.warn({ msg: 'state sweep failed; the next one retries', error: String(error) });
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
