/**
 * The CloudEvents 1.0 JSON envelope every service publishes (ARCHITECTURE.md "Events on Kafka")
 * and the `EventContract` that names one event type: its topic, version and the JSON Schema of
 * its `data`. Plain types and functions only: workflows and apps import this package, so it has
 * no dependencies.
 */

/** A JSON Schema (draft 2020-12 / draft-07 subset understood by ajv), kept as plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface CloudEvent<TData = unknown> {
  /** A uuid; consumers deduplicate on it (inbox). */
  id: string;
  /** `/cwp/<service>`. */
  source: string;
  /** `cwp.<service>.<aggregate>.<event>.v<n>`. */
  type: string;
  specversion: '1.0';
  /** RFC 3339 timestamp of when the change happened. */
  time: string;
  /** The aggregate id the event is about (also the Kafka message key). */
  subject?: string;
  datacontenttype?: 'application/json';
  data: TData;
}

export interface EventContract<TData = unknown> {
  /** `cwp.<service>.<aggregate>.<event>.v<n>`. */
  readonly type: string;
  /** `cwp.<service>.<aggregate-plural>`. */
  readonly topic: string;
  /** The `v<n>` of the type, as a number; a breaking change is a new type with a new version. */
  readonly version: number;
  /** JSON Schema of `data`. Events carry ids and business facts, never national ID or phone numbers. */
  readonly schema: JsonSchema;
  /** Phantom field: lets `defineEventContract<T>()` carry the data type to writers and handlers. */
  readonly __data?: TData;
}

/** The data type a contract describes: `EventData<typeof entryCreated>`. */
export type EventData<C> = C extends EventContract<infer T> ? T : never;

/**
 * The `$id` of an event type's data schema: the path where every service of the platform serves
 * it (`GET /schemas/events/<type>.json`), so it resolves against any service's address.
 */
export function eventSchemaId(type: string): string {
  return `/schemas/events/${type}.json`;
}

export const EVENT_TYPE_PATTERN = /^cwp\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v([1-9][0-9]*)$/;
export const TOPIC_PATTERN = /^cwp\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/**
 * Declares a contract and checks the naming conventions once, at module load, so a typo in a
 * type or topic fails the first test that imports it rather than a consumer in production.
 */
export function defineEventContract<TData>(contract: { type: string; topic: string; schema: JsonSchema }): EventContract<TData> {
  const match = EVENT_TYPE_PATTERN.exec(contract.type);
  if (!match) {
    throw new Error(`Event type "${contract.type}" must look like cwp.<service>.<aggregate>.<event>.v<n>`);
  }
  if (!TOPIC_PATTERN.test(contract.topic)) {
    throw new Error(`Topic "${contract.topic}" must look like cwp.<service>.<aggregate-plural>`);
  }
  if (serviceKey(contract.topic) !== serviceKey(contract.type)) {
    throw new Error(`Event type "${contract.type}" must be published on a topic of its own service (got ${contract.topic})`);
  }
  return Object.freeze({ type: contract.type, topic: contract.topic, schema: contract.schema, version: Number(match[1]) });
}

/**
 * The service segment of a type or topic, hyphens ignored: the product brief fixes
 * `cwp.talentpool.*` types beside the `cwp.talent-pool.*` topic, and they name one service.
 */
function serviceKey(name: string): string {
  return (name.split('.')[1] ?? '').replace(/-/g, '');
}

export class MalformedCloudEventError extends Error {
  constructor(readonly reason: string) {
    super(`Malformed CloudEvent: ${reason}`);
    this.name = 'MalformedCloudEventError';
  }
}

/**
 * Parses a Kafka message value into a CloudEvent, checking the required attributes. The error
 * names what is wrong, never the payload itself (it may hold personal data in a bad message).
 */
export function parseCloudEvent(raw: string | Uint8Array | null | undefined): CloudEvent {
  if (raw === null || raw === undefined) throw new MalformedCloudEventError('empty message');
  const text = typeof raw === 'string' ? raw : new TextDecoder('utf-8', { fatal: false }).decode(raw);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedCloudEventError('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedCloudEventError('not a JSON object');
  }
  const event = value as Record<string, unknown>;
  for (const attribute of ['id', 'source', 'type', 'time'] as const) {
    if (typeof event[attribute] !== 'string' || (event[attribute] as string).length === 0) {
      throw new MalformedCloudEventError(`attribute "${attribute}" missing or not a string`);
    }
  }
  if (event.specversion !== '1.0') throw new MalformedCloudEventError('specversion is not "1.0"');
  if (event.subject !== undefined && typeof event.subject !== 'string') {
    throw new MalformedCloudEventError('attribute "subject" is not a string');
  }
  if (!('data' in event)) throw new MalformedCloudEventError('attribute "data" missing');
  return event as unknown as CloudEvent;
}
