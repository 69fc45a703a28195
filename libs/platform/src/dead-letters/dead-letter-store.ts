import { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { CloudEvent } from '@cwp/contracts';
import { ensureTopics } from '../kafka/kafka-admin';
import type { EventPublisher, IncomingMessage } from '../kafka/kafka.types';
import { redactString } from '../logging/redact';

/** The dead-letter topic of one consumer: replays and alerts stay per consumer group. */
export function deadLetterTopicOf(consumer: string): string {
  return `cwp.dead-letters.${consumer}`;
}

export interface DeadLetter {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  eventId: string;
  eventType: string;
  error: string;
  attempts: number;
  deadAt: string;
  replayedAt: string | null;
  replayOutcome: string | null;
}

export interface DeadLetterRecord {
  consumer: string;
  message: IncomingMessage;
  event: CloudEvent;
  error: unknown;
  attempts: number;
}

interface DeadLetterRow {
  id: string;
  consumer: string;
  topic: string;
  kafka_partition: number;
  kafka_offset: string;
  message_key: string | null;
  event_id: string;
  event_type: string;
  envelope: CloudEvent;
  error: string;
  attempts: number;
  dead_at: Date;
  replayed_at: Date | null;
  replay_outcome: string | null;
}

/**
 * Where poison messages go: a row in `dead_letters` (what the operator endpoint lists and
 * replays) and a copy on `cwp.dead-letters.<consumer>` (same key and value, the error and the
 * source position in headers). Both writes are idempotent per Kafka position, so a crash between
 * them and the offset commit only repeats them.
 */
export class DeadLetterStore {
  private readonly logger = new Logger('DeadLetters');
  private readonly topicsReady = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly kafka?: Kafka,
  ) {}

  async record({ consumer, message, event, error, attempts }: DeadLetterRecord): Promise<void> {
    const reason = errorText(error);
    await this.dataSource.query(
      `INSERT INTO dead_letters (consumer, topic, kafka_partition, kafka_offset, message_key, event_id, event_type, envelope, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)
       ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO NOTHING`,
      [
        consumer,
        message.topic,
        message.partition,
        message.offset,
        message.key,
        event.id,
        event.type,
        JSON.stringify(event),
        reason,
        attempts,
      ],
    );
    const topic = deadLetterTopicOf(consumer);
    if (this.kafka && !this.topicsReady.has(topic)) {
      await ensureTopics(this.kafka, [topic]);
      this.topicsReady.add(topic);
    }
    await this.publisher.publish(topic, [
      {
        key: message.key ?? event.id,
        value: message.value ?? JSON.stringify(event),
        headers: {
          ...message.headers,
          'cwp-dead-letter-consumer': consumer,
          'cwp-dead-letter-source': `${message.topic}[${message.partition}]@${message.offset}`,
          'cwp-dead-letter-attempts': String(attempts),
          'cwp-dead-letter-error': reason,
        },
      },
    ]);
  }

  async list(filter: { consumer?: string; status?: 'pending' | 'replayed'; limit: number }): Promise<DeadLetter[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM dead_letters
        WHERE ($1::text IS NULL OR consumer = $1)
          AND ($2::text IS NULL OR ($2 = 'pending' AND replayed_at IS NULL) OR ($2 = 'replayed' AND replayed_at IS NOT NULL))
        ORDER BY dead_at, id LIMIT $3`,
      [filter.consumer ?? null, filter.status ?? null, filter.limit],
    )) as DeadLetterRow[];
    return rows.map(toDeadLetter);
  }

  async get(id: string): Promise<{ letter: DeadLetter; envelope: CloudEvent } | undefined> {
    const [row] = (await this.dataSource.query('SELECT * FROM dead_letters WHERE id = $1', [id])) as DeadLetterRow[];
    return row ? { letter: toDeadLetter(row), envelope: row.envelope } : undefined;
  }

  /** Marks a replay that went through the inbox; false if another replay got there first. */
  async markReplayed(id: string, outcome: string, em: EntityManager | DataSource = this.dataSource): Promise<boolean> {
    const rows = (await em.query(
      'UPDATE dead_letters SET replayed_at = now(), replay_outcome = $2 WHERE id = $1 AND replayed_at IS NULL RETURNING id',
      [id, outcome],
    )) as unknown[];
    return rows.length > 0;
  }

  async markReplayFailed(id: string, error: unknown): Promise<void> {
    await this.dataSource.query('UPDATE dead_letters SET attempts = attempts + 1, error = $2 WHERE id = $1', [id, errorText(error)]);
    this.logger.warn({ msg: 'dead letter replay failed', id, error: errorText(error) });
  }
}

/** The error as stored and sent: message only (no stack), redacted, bounded. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return redactString(text).slice(0, 2_000);
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    consumer: row.consumer,
    topic: row.topic,
    partition: row.kafka_partition,
    offset: String(row.kafka_offset),
    key: row.message_key,
    eventId: row.event_id,
    eventType: row.event_type,
    error: row.error,
    attempts: row.attempts,
    deadAt: new Date(row.dead_at).toISOString(),
    replayedAt: row.replayed_at ? new Date(row.replayed_at).toISOString() : null,
    replayOutcome: row.replay_outcome,
  };
}
