import type { Admin, Kafka } from 'kafkajs';
import { consumerLag, type GroupTopics } from './kafka-lag';
import type { ServiceMetrics } from './service-metrics';

/**
 * `cwp_kafka_consumer_lag` for this process's consumer groups, computed at scrape time with one
 * admin client kept connected between scrapes (dropped and rebuilt after an error). Bounded by a
 * timeout so a Kafka outage never hangs a scrape: the gauges then keep their last values.
 */
export function watchConsumerLag(
  metrics: ServiceMetrics,
  kafka: Kafka,
  groups: () => GroupTopics[],
  timeoutMs = 3_000,
): { close(): Promise<void> } {
  let admin: Admin | undefined;
  metrics.onScrape(async () => {
    const current = groups();
    if (current.length === 0) return;
    try {
      if (!admin) {
        const fresh = kafka.admin();
        admin = fresh;
        await withTimeout(fresh.connect(), timeoutMs);
      }
      const lags = await withTimeout(consumerLag(admin, current), timeoutMs);
      for (const { group, topic, partition, lag } of lags) metrics.consumerLag.set({ group, topic, partition: String(partition) }, lag);
    } catch (error) {
      const broken = admin;
      admin = undefined;
      await broken?.disconnect().catch(() => undefined);
      throw error;
    }
  });
  return { close: async () => admin?.disconnect() };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
