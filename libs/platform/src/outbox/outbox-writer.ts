import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ContractRegistry, type CloudEvent, type EventContract } from '@cwp/contracts';
import { insertTypedRow, type TypedRow } from '../database/insert-together';
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

/** One event of a batch (`appendMany`): the aggregate id as key and its data; `subject` defaults to the key. */
export interface OutboxBatchEvent<T> {
  key: string;
  data: T;
  subject?: string;
}

/** Events of one contract checked and serialised by `OutboxWriter.prepareMany`, not yet written. */
export interface PreparedEvents {
  readonly topic: string;
  readonly type: string;
  readonly ids: string[];
  readonly keys: string[];
  readonly envelopes: string[];
}

/** Events per INSERT of `appendMany`: bounds one statement's parameter arrays (~3 MB of envelopes). */
export const OUTBOX_BATCH_ROWS = 5_000;

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
    requireTransaction(em, 'append');
    const { event, row } = this.eventRow(input);
    // One statement, one round trip: the row and its NOTIFY (issue 15).
    await insertTypedRow(em, row);
    return event;
  }

  /**
   * The event checked and serialised exactly as `append` would write it, as an outbox row not yet
   * written: for `insertTogether`, which writes it in the same statement as the change it reports
   * (atomic without a transaction). The row carries the NOTIFY that wakes relays at once instead
   * of at their next poll (delivered on commit; repeats in one transaction are delivered once).
   */
  eventRow<T>(input: OutboxAppend<T>): { event: CloudEvent<T>; row: TypedRow } {
    const contract =
      'contract' in input ? this.declared(input.contract.type, input.contract.topic) : this.declared(input.type, input.topic);
    const { event, envelope } = this.prepare(contract, input.key, input.subject, input.data, (input.time ?? new Date()).toISOString());
    const columns = [
      { name: 'event_id', type: 'uuid', value: event.id },
      { name: 'topic', type: 'text', value: contract.topic },
      { name: 'message_key', type: 'text', value: input.key },
      { name: 'event_type', type: 'text', value: event.type },
      { name: 'envelope', type: 'jsonb', value: envelope },
      // The request's trace context travels with the row: the relay sends it as Kafka headers.
      { name: 'trace_context', type: 'jsonb', value: JSON.stringify(currentTraceHeaders() ?? null) },
    ];
    return { event, row: { table: 'outbox', columns, notify: OUTBOX_NOTIFY_CHANNEL } };
  }

  /**
   * Appends many events of one contract in the caller's transaction (batch paths: a chunk of a
   * recalibration, thousands of events): each event is validated and guarded exactly like
   * `append`, all of them before anything is written; then ONE `INSERT … SELECT FROM unnest` per
   * `OUTBOX_BATCH_ROWS` events, in the given order (their `seq` order), and one NOTIFY. Returns how
   * many were appended. Every event gets the same `time` and the caller's trace context.
   */
  async appendMany<T>(
    em: EntityManager,
    contract: EventContract<T>,
    events: ReadonlyArray<OutboxBatchEvent<T>>,
    time = new Date(),
  ): Promise<number> {
    requireTransaction(em, 'appendMany');
    return this.appendPrepared(em, this.prepareMany(contract, events, time));
  }

  /**
   * The first half of `appendMany`, outside any transaction: every event validated, guarded and
   * serialised. A batch path prepares its next chunk's events while the database writes the
   * current one, then appends them with `appendPrepared` (throws, like `appendMany`, on the first
   * event that fails a check).
   */
  prepareMany<T>(contract: EventContract<T>, events: ReadonlyArray<OutboxBatchEvent<T>>, time = new Date()): PreparedEvents {
    const declared = this.declared(contract.type, contract.topic);
    const at = time.toISOString();
    const prepared: PreparedEvents = { topic: declared.topic, type: declared.type, ids: [], keys: [], envelopes: [] };
    for (const e of events) {
      const { event, envelope } = this.prepare(declared, e.key, e.subject, e.data, at, true);
      prepared.ids.push(event.id);
      prepared.keys.push(e.key);
      prepared.envelopes.push(envelope);
    }
    return prepared;
  }

  /** The second half of `appendMany`: writes events `prepareMany` made, in the caller's transaction. */
  async appendPrepared(em: EntityManager, prepared: PreparedEvents): Promise<number> {
    requireTransaction(em, 'appendPrepared');
    const { ids, keys, envelopes } = prepared;
    if (ids.length === 0) return 0;
    const trace = JSON.stringify(currentTraceHeaders() ?? null);
    for (let from = 0; from < ids.length; from += OUTBOX_BATCH_ROWS) {
      const to = from + OUTBOX_BATCH_ROWS;
      // The envelopes travel as ONE text, a line each (JSON.stringify never writes a raw newline),
      // split by PostgreSQL: a text[] parameter would be escaped quote by quote by the driver and
      // parsed back by the server, 2.5–6× slower for JSON (measured, 5,000 envelopes).
      await em.query(
        `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, trace_context)
         SELECT u.id, $1, u.key, $2, u.envelope::jsonb, $3::jsonb
           FROM unnest($4::uuid[], $5::text[], string_to_array($6::text, E'\\n')) WITH ORDINALITY AS u(id, key, envelope, n) ORDER BY u.n`,
        [prepared.topic, prepared.type, trace, ids.slice(from, to), keys.slice(from, to), envelopes.slice(from, to).join('\n')],
      );
    }
    await em.query('SELECT pg_notify($1, current_schema())', [OUTBOX_NOTIFY_CHANNEL]);
    return ids.length;
  }

  /**
   * The checks every event passes before it is written (schema, personal-data guard, a key) and
   * its envelope. What is validated is exactly what will be published: the JSON form (Dates
   * become strings, undefined goes), serialised once and spliced into the envelope.
   */
  private prepare<T>(
    contract: EventContract,
    key: string,
    subject: string | undefined,
    input: T,
    time: string,
    reuse = false,
  ): { event: CloudEvent<T>; envelope: string } {
    if (!key) throw DomainError.validation('key', 'An event needs its aggregate id as key');
    const json = JSON.stringify(input ?? null);
    // The JSON form: parsed back, unless the data already is plain JSON (batch paths skip the copy).
    const data = (reuse && isPlainJson(input) ? input : JSON.parse(json)) as T;
    this.validator.validate(contract, data);
    const finding = findPersonalData(data) ?? findPersonalData(subject ?? key, 'subject');
    if (finding) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `Event ${contract.type}: ${finding.path} looks like a ${finding.looksLike}; events never carry national ID or phone numbers`,
        {
          field: finding.path,
        },
      );
    }
    const head: Omit<CloudEvent<T>, 'data'> = {
      id: randomUUID(),
      source: this.source,
      type: contract.type,
      specversion: '1.0',
      time,
      subject: subject ?? key,
      datacontenttype: 'application/json',
    };
    const event = { ...head, data } as CloudEvent<T>;
    // The same JSON as JSON.stringify(event), without serialising the data twice.
    return { event, envelope: `${JSON.stringify(head).slice(0, -1)},"data":${json}}` };
  }

  private declared(type: string, topic: string): EventContract {
    // Only declared contracts: `produces` also decides which topics exist (ensureTopics).
    const contract = this.registry.get(type);
    if (!contract) throw new Error(`Event type ${type} is not among the contracts this service produces (PlatformOutboxModule produces)`);
    if (contract.topic !== topic) throw new Error(`Event type ${type} belongs on topic ${contract.topic}, not ${topic}`);
    return contract;
  }
}

function requireTransaction(em: EntityManager, method: string): void {
  // Outside a transaction the event and the change could diverge: a programming error.
  if (!em.queryRunner?.isTransactionActive) throw new Error(`OutboxWriter.${method} must run inside dataSource.transaction(em => ...)`);
}

/** True when JSON.stringify would not change the value: strings, finite numbers, booleans, null, arrays and plain objects of them. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i])) return false; // a hole is undefined: not plain
    return true;
  }
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in value) return false;
  for (const key in value) if (!isPlainJson((value as Record<string, unknown>)[key])) return false;
  return true;
}
