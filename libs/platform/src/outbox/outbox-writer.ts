import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ContractRegistry, type CloudEvent, type EventContract } from '@cwp/contracts';
import { DomainError, ErrorCode } from '../errors';
import { findPersonalData } from './personal-data-guard';
import { EventSchemaValidator } from './schema-validator';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox.options';
import { currentTraceHeaders } from '../tracing/tracing';

export type OutboxAppend<T> = {
  /** Aggregate id: the Kafka message key (order per aggregate). */
  key: string;
  /** CloudEvents `subject`; defaults to `key`. */
  subject?: string;
  data: T;
  /** When the change happened; defaults to now. */
  time?: Date;
} & ({ contract: EventContract<T> } | { type: string; topic: string });

/**
 * Writes an event into the outbox in the caller's transaction (pass the transaction's
 * EntityManager), so the event exists if and only if the change commits.
 */
export class OutboxWriter {
  private readonly registry: ContractRegistry;
  private readonly validator = new EventSchemaValidator();
  readonly source: string;

  constructor(service: string, produces: readonly EventContract[]) {
    this.source = `/cwp/${service}`;
    this.registry = new ContractRegistry(produces);
  }

  async append<T>(em: EntityManager, input: OutboxAppend<T>): Promise<CloudEvent<T>> {
    if (!em.queryRunner?.isTransactionActive) {
      // Outside a transaction the event and the change could diverge: a programming error.
      throw new Error('OutboxWriter.append must run inside dataSource.transaction(em => ...)');
    }
    const contract = this.contractOf(input);
    if (!input.key) throw DomainError.validation('key', 'An event needs its aggregate id as key');
    // Validate exactly what will be published: the JSON form (Dates become strings, undefined goes).
    const data = JSON.parse(JSON.stringify(input.data ?? null)) as T;
    this.validator.validate(contract, data);
    const finding = findPersonalData(data) ?? findPersonalData(input.subject ?? input.key, 'subject');
    if (finding) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `Event ${contract.type}: ${finding.path} looks like a ${finding.looksLike}; events never carry national ID or phone numbers`,
        {
          field: finding.path,
        },
      );
    }
    const event: CloudEvent<T> = {
      id: randomUUID(),
      source: this.source,
      type: contract.type,
      specversion: '1.0',
      time: (input.time ?? new Date()).toISOString(),
      subject: input.subject ?? input.key,
      datacontenttype: 'application/json',
      data,
    };
    await em.query(
      'INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, trace_context) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)',
      // The request's trace context travels with the row: the relay sends it as Kafka headers.
      [event.id, contract.topic, input.key, event.type, JSON.stringify(event), JSON.stringify(currentTraceHeaders() ?? null)],
    );
    // Delivered only if and when the transaction commits: wakes relays at once instead of at the next poll.
    await em.query('SELECT pg_notify($1, current_schema())', [OUTBOX_NOTIFY_CHANNEL]);
    return event;
  }

  private contractOf<T>(input: OutboxAppend<T>): EventContract {
    // Only declared contracts: `produces` also decides which topics exist (ensureTopics).
    const type = 'contract' in input ? input.contract.type : input.type;
    const topic = 'contract' in input ? input.contract.topic : input.topic;
    const contract = this.registry.get(type);
    if (!contract) throw new Error(`Event type ${type} is not among the contracts this service produces (PlatformOutboxModule produces)`);
    if (contract.topic !== topic) throw new Error(`Event type ${type} belongs on topic ${contract.topic}, not ${topic}`);
    return contract;
  }
}
