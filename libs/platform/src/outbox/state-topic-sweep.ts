import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { OutboxWriter } from './outbox-writer';
import { publishStateChanges, type StatePublication } from './state-publication';
import { TopicSweep } from './topic-sweep';

/**
 * Keeps one aggregate's compacted state topic current: a TopicSweep whose run publishes the rows
 * changed since the last one (the first run publishes every row: bootstrap, bulk loads).
 */
export class StateTopicSweep<Row extends { id: string }, Data> extends TopicSweep {
  constructor(dataSource: DataSource, outbox: OutboxWriter, kafka: Kafka, publication: StatePublication<Row, Data>) {
    super(kafka, publication.contract.topic, publication.name, () => publishStateChanges(dataSource, outbox, publication));
  }
}
