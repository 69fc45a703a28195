/**
 * Our small Kafka interface. Services, the outbox relay and the inbox consumer depend on these,
 * not on kafkajs, so the client library stays an implementation detail of this folder.
 */
export interface OutgoingMessage {
  /** Aggregate id: all events of one aggregate land in one partition, in order. */
  key: string;
  value: string | Buffer;
  headers?: Record<string, string>;
}

export interface EventPublisher {
  /** Resolves once every message is acknowledged by all in-sync replicas (acks = -1). */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface MessageContext {
  /** Keep group membership alive during a long retry (call between attempts). */
  heartbeat(): Promise<void>;
  /** True once the subscription is stopping: abandon retries, the offset stays uncommitted. */
  readonly stopping: boolean;
}

/**
 * `handle` resolves `true` when the message is done (the offset is committed after it), `false`
 * when it was abandoned because the subscription is stopping (nothing committed: redelivered).
 */
export type MessageHandler = (message: IncomingMessage, context: MessageContext) => Promise<boolean>;

export interface SubscribeOptions {
  groupId: string;
  topics: readonly string[];
  /** Where a new consumer group starts (default true: a new consumer sees history). */
  fromBeginning?: boolean;
  handle: MessageHandler;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface EventSubscriber {
  subscribe(options: SubscribeOptions): Promise<Subscription>;
}

export const EVENT_PUBLISHER = Symbol('EVENT_PUBLISHER');
export const EVENT_SUBSCRIBER = Symbol('EVENT_SUBSCRIBER');
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
