import { context, propagation, trace, TraceFlags, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, RandomIdGenerator, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';

export interface TracingOptions {
  /** OTLP/HTTP traces URL (`…:4318/v1/traces`); unset = spans are made (ids in logs) but not exported. */
  otlpTracesUrl?: string;
  /** Extra processors (tests collect spans in memory). */
  spanProcessors?: SpanProcessor[];
}

/** Forwards to the processors registered so far; the Temporal workflow span sink writes through it too. */
class FanOutSpanProcessor implements SpanProcessor {
  readonly targets: SpanProcessor[] = [];
  onStart(span: Parameters<SpanProcessor['onStart']>[0], parent: Context): void {
    for (const target of this.targets) target.onStart(span, parent);
  }
  onEnd(span: ReadableSpan): void {
    for (const target of this.targets) target.onEnd(span);
  }
  async forceFlush(): Promise<void> {
    await Promise.all(this.targets.map((t) => t.forceFlush()));
  }
  async shutdown(): Promise<void> {
    await Promise.all(this.targets.map((t) => t.shutdown()));
  }
}

let provider: NodeTracerProvider | undefined;
let resource: Resource | undefined;
const fanOut = new FanOutSpanProcessor();

/**
 * Installs OpenTelemetry tracing for this process once (bootstrapService calls it before Nest
 * starts): W3C trace-context propagation, AsyncLocalStorage context, a tracer provider with the
 * service name, and a batching OTLP/HTTP exporter when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * …_TRACES_ENDPOINT) is set. A later call adds its processors (tests) and keeps the rest.
 */
export function initTracing(serviceName: string, options: TracingOptions = {}): void {
  if (!provider) {
    resource = new Resource({ 'service.name': serviceName });
    provider = new NodeTracerProvider({ resource, spanProcessors: [fanOut] });
    provider.register();
  }
  if (options.otlpTracesUrl)
    fanOut.targets.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: options.otlpTracesUrl }), { scheduledDelayMillis: 1_000 }));
  fanOut.targets.push(...(options.spanProcessors ?? []));
}

export function tracingEnabled(): boolean {
  return provider !== undefined;
}

/** Exports what is buffered (shutdown, tests). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

/** The processor and resource the Temporal workflow span exporter (a worker sink) writes through. */
export function workflowSpanSink(): { processor: SpanProcessor; resource: Resource } | undefined {
  return provider && resource ? { processor: fanOut, resource } : undefined;
}

/** Whether a finished span goes anywhere (an exporter, or a test's processor). */
export function spansRecorded(): boolean {
  return fanOut.targets.length > 0;
}

const ids = new RandomIdGenerator();

/**
 * A span with ids that nothing records, for when `spansRecorded()` is false (no exporter: the
 * default on a dev machine): the caller's trace continues (or a new one starts), log lines and
 * outbox rows carry its ids and downstream calls propagate them as sampled, without the SDK's
 * span bookkeeping (attributes, events, timing) that would be thrown away at its end (issue 15:
 * ~3 % of a GET's CPU).
 */
export function unrecordedSpan(parent: Context): Span {
  const inherited = trace.getSpanContext(parent);
  return trace.wrapSpanContext({
    traceId: inherited && trace.isSpanContextValid(inherited) ? inherited.traceId : ids.generateTraceId(),
    spanId: ids.generateSpanId(),
    traceFlags: inherited && trace.isSpanContextValid(inherited) ? inherited.traceFlags : TraceFlags.SAMPLED,
  });
}

export function platformTracer(): Tracer {
  return trace.getTracer('@cwp/platform');
}

/** The active trace context as W3C headers (`traceparent`, `tracestate`), or undefined outside any sampled span. */
export function currentTraceHeaders(from: Context = context.active()): Record<string, string> | undefined {
  const span = trace.getSpan(from);
  if (!span || !span.spanContext().traceId || span.spanContext().traceId === '00000000000000000000000000000000') return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier);
  return carrier.traceparent ? carrier : undefined;
}

/** A context whose parent is the given W3C headers (unknown or invalid headers give the root). */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined> | null | undefined): Context {
  return propagation.extract(context.active(), headers ?? {});
}

/** The ids a log line carries (pino mixin). */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const span: Span | undefined = trace.getSpan(context.active());
  const ids = span?.spanContext();
  if (!ids || ids.traceId === '00000000000000000000000000000000') return undefined;
  return { traceId: ids.traceId, spanId: ids.spanId };
}
