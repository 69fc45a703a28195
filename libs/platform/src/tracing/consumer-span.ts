import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { IncomingMessage } from '../kafka/kafka.types';
import { contextFromHeaders, platformTracer } from './tracing';

/**
 * Runs the handling of one Kafka message inside a CONSUMER span whose parent is the producer's
 * trace context (the `traceparent` header the relay sent from the outbox row), so the handler's
 * effect, its log lines and the workflows it signals or starts join the request's trace.
 */
export async function withConsumerSpan<T extends string>(consumer: string, message: IncomingMessage, work: () => Promise<T>): Promise<T> {
  const parent = contextFromHeaders(message.headers);
  const span = platformTracer().startSpan(
    `process ${message.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': message.topic,
        'messaging.consumer.group.name': consumer,
        'messaging.destination.partition.id': String(message.partition),
        'messaging.kafka.offset': Number(message.offset),
      },
    },
    parent,
  );
  try {
    const outcome = await context.with(trace.setSpan(parent, span), work);
    span.setAttribute('cwp.inbox.outcome', outcome);
    if (outcome === 'dead-lettered') span.setStatus({ code: SpanStatusCode.ERROR, message: 'dead-lettered' });
    return outcome;
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}
