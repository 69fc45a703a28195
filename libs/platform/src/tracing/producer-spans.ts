import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { contextFromHeaders, currentTraceHeaders, platformTracer } from './tracing';

/**
 * A PRODUCER span per relayed outbox row that has a stored trace context: child of the request
 * that wrote the row, its own context sent as the message's `traceparent`. Ended after the batch
 * (`finish`), marked failed when the publish failed.
 */
export function startProducerSpan(topic: string, stored: unknown): { headers: Record<string, string>; span?: Span } {
  const storedHeaders = traceHeadersOf(stored);
  if (!storedHeaders) return { headers: {} };
  const parent = contextFromHeaders(storedHeaders);
  const span = platformTracer().startSpan(
    `publish ${topic}`,
    { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic } },
    parent,
  );
  const headers = currentTraceHeaders(trace.setSpan(context.active(), span)) ?? storedHeaders;
  return { headers, span };
}

export function finishProducerSpans(spans: ReadonlyArray<Span | undefined>, error?: unknown): void {
  for (const span of spans) {
    if (!span) continue;
    if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    span.end();
  }
}

function traceHeadersOf(stored: unknown): Record<string, string> | undefined {
  const value = typeof stored === 'string' ? (JSON.parse(stored) as unknown) : stored;
  if (!value || typeof value !== 'object') return undefined;
  const { traceparent, tracestate } = value as { traceparent?: unknown; tracestate?: unknown };
  if (typeof traceparent !== 'string') return undefined;
  return { traceparent, ...(typeof tracestate === 'string' ? { tracestate } : {}) };
}
