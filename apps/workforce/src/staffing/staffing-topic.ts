import type { Kafka } from 'kafkajs';
import { ConfigResourceTypes } from 'kafkajs';
import { WORKFORCE_STAFFING_TOPIC } from '@cwp/contracts';

/**
 * The staffing topic is state, not history: compacted, so Kafka keeps the latest event per unit
 * and a consumer reading from the beginning gets every unit's figures. Created compacted, or made
 * compacted when a consumer's subscription (or the outbox) created it first with the defaults.
 */
export async function ensureCompactedStaffingTopic(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const configEntries = [{ name: 'cleanup.policy', value: 'compact' }];
    const exists = (await admin.listTopics()).includes(WORKFORCE_STAFFING_TOPIC);
    if (!exists) {
      await admin.createTopics({ topics: [{ topic: WORKFORCE_STAFFING_TOPIC, numPartitions: 3, configEntries }], waitForLeaders: true });
      return;
    }
    await admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: WORKFORCE_STAFFING_TOPIC, configEntries }],
    });
  } finally {
    await admin.disconnect();
  }
}
