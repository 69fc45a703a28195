import { ConfigResourceTypes, type Kafka } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  /** Default 3: room for three consumers per group; keys spread across partitions. */
  numPartitions?: number;
  replicationFactor?: number;
}

/** Creates the topics that do not exist yet (idempotent; existing topics are left as they are). */
export async function ensureTopics(kafka: Kafka, topics: ReadonlyArray<string | TopicSpec>): Promise<string[]> {
  if (topics.length === 0) return [];
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = topics
      .map((t) => (typeof t === 'string' ? { topic: t } : t))
      .filter((t) => !existing.has(t.topic))
      .map((t) => ({ topic: t.topic, numPartitions: t.numPartitions ?? 3, replicationFactor: t.replicationFactor ?? -1 }));
    if (wanted.length === 0) return [];
    // Another process may create the same topic at the same moment: createTopics answers false then.
    await admin.createTopics({ topics: wanted, waitForLeaders: true });
    return wanted.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}

/** Readiness: the cluster answers a metadata request through a connected admin client. */
export async function checkKafka(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('no brokers in cluster metadata');
  } finally {
    await admin.disconnect();
  }
}

/**
 * A state topic (latest event per key) is compacted, so a consumer reading it from the beginning
 * gets every aggregate's state however old. Created compacted, or made compacted when a consumer's
 * subscription (or the outbox relay) created it first with the defaults.
 */
export async function ensureCompactedTopic(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const configEntries = [{ name: 'cleanup.policy', value: 'compact' }];
    if (!(await admin.listTopics()).includes(topic)) {
      await admin.createTopics({ topics: [{ topic, numPartitions: 3, configEntries }], waitForLeaders: true });
      return;
    }
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries }] });
  } finally {
    await admin.disconnect();
  }
}
