import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';

// Choices we made on purpose (see KafkaJsPublisher): not worth a warning on every reconnect.
const DELIBERATE_WARNINGS = ['Limiting retries for the idempotent producer'];

/** kafkajs log lines go through our logger (Nest Logger → the platform's pino logger). */
export const nestLogCreator: logCreator = () => {
  const loggers = new Map<string, Logger>();
  return ({ namespace, level, log }: LogEntry) => {
    const context = `kafkajs:${namespace || 'client'}`;
    let logger = loggers.get(context);
    if (!logger) loggers.set(context, (logger = new Logger(context)));
    const { message, broker, error, groupId, topic } = log as Record<string, unknown>;
    const text = [
      message,
      broker && `broker=${String(broker)}`,
      groupId && `group=${String(groupId)}`,
      topic && `topic=${String(topic)}`,
      error && `error=${String(error)}`,
    ]
      .filter(Boolean)
      .join(' ');
    if (level === logLevel.ERROR) logger.error(text);
    else if (level === logLevel.WARN && !DELIBERATE_WARNINGS.some((w) => String(message).startsWith(w))) logger.warn(text);
    else if (level === logLevel.INFO) logger.log(text);
    else logger.debug(text);
  };
};

export interface KafkaClientOptions {
  clientId: string;
  brokers: readonly string[];
}

export function createKafka(options: KafkaClientOptions): Kafka {
  if (options.brokers.length === 0) throw new Error('KAFKA_BROKERS is empty');
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    // Short: the relay and the consumers have their own backoff loops around these calls.
    retry: { initialRetryTime: 300, retries: 5 },
  });
}

export function kafkaBrokersFrom(explicit?: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  if (explicit?.length) return [...explicit];
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set: the service cannot reach Kafka');
  return brokers;
}
