import type { Admin } from 'kafkajs';

export interface GroupTopics {
  groupId: string;
  topics: readonly string[];
}

export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

/**
 * Lag per partition for the consumer groups of this process: high watermark minus the group's
 * committed offset (a partition the group never committed counts from the low watermark, which is
 * where a new group starts reading, fromBeginning). Two admin requests per topic.
 */
export async function consumerLag(admin: Admin, groups: readonly GroupTopics[]): Promise<PartitionLag[]> {
  const result: PartitionLag[] = [];
  for (const { groupId, topics } of groups) {
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const mine = partitions.find((p) => p.partition === end.partition);
        const at = mine && Number(mine.offset) >= 0 ? Number(mine.offset) : Number(end.low);
        result.push({ group: groupId, topic, partition: end.partition, lag: Math.max(0, Number(end.high) - at) });
      }
    }
  }
  return result;
}
