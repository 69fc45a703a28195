import { eventSchemaId, type EventContract, type JsonSchema } from '../cloudevent';
import type { ServiceEvents } from '../catalog';
import { exampleOf } from './example-data';

/** AsyncAPI 3.0 document of the platform's events, as plain JSON. */
export type AsyncApiDocument = Record<string, unknown>;

export interface AsyncApiOptions {
  /** Platform version the document describes. */
  version: string;
  /** Kafka bootstrap address shown as the server (the local stack's by default). */
  kafkaHost?: string;
}

/** The exported JSON Schema of an event type's data: resolvable `$id`, the contract's dialect. */
export function exportedSchemaOf(contract: EventContract): JsonSchema {
  const { $id: _ignored, $schema, ...rest } = contract.schema as Record<string, unknown>;
  return { $schema: $schema ?? 'http://json-schema.org/draft-07/schema#', $id: eventSchemaId(contract.type), ...rest };
}

/** The example `data` of a contract (deterministic: the same document on every machine). */
export function exampleDataOf(contract: EventContract): unknown {
  return exampleOf(contract.schema, contract.type.length);
}

/**
 * Channels are the Kafka topics; each message is one CloudEvents type, its payload the CloudEvents
 * envelope with the contract's schema as `data`, its Kafka key the aggregate id (CloudEvents
 * `subject`), so every event of one aggregate lands on one partition in order.
 */
export function buildAsyncApiDocument(catalog: readonly ServiceEvents[], options: AsyncApiOptions): AsyncApiDocument {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const topics = new Map<string, { service: string; contracts: EventContract[] }>();
  for (const { service, produces } of catalog) {
    for (const contract of produces) {
      const entry = topics.get(contract.topic) ?? { service, contracts: [] };
      entry.contracts.push(contract);
      topics.set(contract.topic, entry);
      messages[contract.type] = messageOf(service, contract);
    }
  }
  for (const [topic, { service, contracts }] of [...topics].sort(([a], [b]) => a.localeCompare(b))) {
    const refs = Object.fromEntries(contracts.map((c) => [c.type, { $ref: `#/components/messages/${c.type}` }]));
    channels[topic] = {
      address: topic,
      title: topic,
      description: `Events of the ${service} service. Key: the aggregate id (CloudEvents subject); order holds per key.`,
      messages: refs,
      bindings: { kafka: { bindingVersion: '0.5.0', topic, partitions: 3 } },
    };
    operations[`${service}.publishes.${topic}`] = {
      action: 'send',
      title: `${service} publishes on ${topic}`,
      summary: 'Published from the transactional outbox after the change commits (at least once; deduplicate on the CloudEvents id).',
      channel: { $ref: `#/channels/${topic}` },
      messages: contracts.map((c) => ({ $ref: `#/channels/${topic}/messages/${c.type}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Community workforce platform events (社区工作者管理平台)',
      version: options.version,
      description:
        'Every event the platform publishes for HR systems and its own services. Messages are CloudEvents 1.0 in JSON ' +
        '(structured mode); the data carries ids and business facts, never a national ID number or a phone number. ' +
        'Consumers deduplicate on the event id, ignore properties they do not know, and treat a new `v<n>` type as a new event.',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      local: {
        host: options.kafkaHost ?? '127.0.0.1:59092',
        protocol: 'kafka',
        description: 'The local stack (infra/local); a cluster uses its own bootstrap address.',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

function messageOf(service: string, contract: EventContract): Record<string, unknown> {
  const { $id: _id, $schema: _schema, ...data } = contract.schema as Record<string, unknown>;
  const example = exampleDataOf(contract);
  return {
    name: contract.type,
    title: typeof data.title === 'string' ? data.title : contract.type,
    summary: `${contract.type} (version ${contract.version}) from ${service}; data schema at ${eventSchemaId(contract.type)} on every service.`,
    contentType: 'application/cloudevents+json',
    headers: {
      type: 'object',
      properties: {
        'content-type': { type: 'string', const: 'application/cloudevents+json; charset=utf-8' },
        traceparent: { type: 'string', description: 'W3C trace context of the change that produced the event, when traced.' },
      },
    },
    payload: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'source', 'type', 'specversion', 'time', 'subject', 'data'],
      properties: {
        id: { type: 'string', format: 'uuid', description: 'Unique per event: deduplicate on it.' },
        source: { type: 'string', const: `/cwp/${service}` },
        type: { type: 'string', const: contract.type },
        specversion: { type: 'string', const: '1.0' },
        time: { type: 'string', format: 'date-time' },
        subject: { type: 'string', description: 'The aggregate id; also the Kafka message key.' },
        datacontenttype: { type: 'string', const: 'application/json' },
        data,
      },
    },
    bindings: { kafka: { bindingVersion: '0.5.0', key: { type: 'string', description: 'The aggregate id (CloudEvents subject).' } } },
    examples: [
      {
        name: 'example',
        summary: 'Synthetic values that satisfy the schema.',
        headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
        payload: {
          id: '7d8f0c2e-5b1a-4e3f-9c6d-2a1b0e9f8c7d',
          source: `/cwp/${service}`,
          type: contract.type,
          specversion: '1.0',
          time: '2026-03-16T09:30:00.000Z',
          subject: 'example-aggregate-id',
          datacontenttype: 'application/json',
          data: example,
        },
      },
    ],
  };
}
