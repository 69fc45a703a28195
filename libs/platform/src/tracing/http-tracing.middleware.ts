import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { routeTemplateOf } from '../metrics/http-metrics.middleware';
import { contextFromHeaders, platformTracer, spansRecorded, unrecordedSpan } from './tracing';

const UNTRACED = new Set(['/health', '/ready', '/metrics']);

/**
 * One SERVER span per request, continuing the caller's W3C `traceparent` when it sends one, and
 * active for everything the request does (outbox rows store it, Temporal calls carry it, log
 * lines show its trace id). Named after the route template once routing is known. With nothing
 * to record spans (no exporter), the span only carries ids (`unrecordedSpan`).
 */
export function httpTracingMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (UNTRACED.has(req.path)) return next();
  const parent = contextFromHeaders(req.headers);
  if (!spansRecorded()) return context.with(trace.setSpan(parent, unrecordedSpan(parent)), () => next());
  const span = platformTracer().startSpan(
    `HTTP ${req.method}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } },
    parent,
  );
  res.on('finish', () => {
    const route = routeTemplateOf(req);
    span.updateName(`${req.method} ${route}`);
    span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), () => next());
}
