import type { IncomingHttpHeaders } from 'node:http';
import { SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import { contextFromHeaders, platformTracer, spansRecorded, unrecordedSpan } from './tracing';

/** Probes and the scrape are not traced. */
export const UNTRACED_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/** A request's SERVER span and the trace context everything the request does runs in. */
export interface ServerSpan {
  context: Context;
  /** Names the span after the route template once routing is known, and ends it. */
  end(method: string, route: string, status: number): void;
}

/**
 * One SERVER span per request, continuing the caller's W3C `traceparent` when it sends one, and
 * active for everything the request does (outbox rows store it, Temporal calls carry it, log
 * lines show its trace id). With nothing to record spans (no exporter), the span only carries ids
 * (`unrecordedSpan`).
 */
export function startServerSpan(method: string, headers: IncomingHttpHeaders): ServerSpan {
  const parent = contextFromHeaders(headers);
  if (!spansRecorded()) return { context: trace.setSpan(parent, unrecordedSpan(parent)), end: () => undefined };
  const span: Span = platformTracer().startSpan(
    `HTTP ${method}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method } },
    parent,
  );
  return {
    context: trace.setSpan(parent, span),
    end: (endMethod, route, status) => {
      span.updateName(`${endMethod} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}
