import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { unrecordedSpan } from './tracing';

describe('unrecordedSpan (ids without SDK bookkeeping when nothing records spans)', () => {
  it("continues the caller's trace with a new span id and the caller's sampling flag", () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parent = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.NONE, isRemote: true });
    const ids = unrecordedSpan(parent).spanContext();
    expect(ids.traceId).toBe(traceId);
    expect(ids.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(ids.spanId).not.toBe('00f067aa0ba902b7');
    expect(ids.traceFlags).toBe(TraceFlags.NONE);
  });

  it('starts a new sampled trace when the caller sent none, and records nothing', () => {
    const span = unrecordedSpan(ROOT_CONTEXT);
    expect(trace.isSpanContextValid(span.spanContext())).toBe(true);
    expect(span.spanContext().traceFlags).toBe(TraceFlags.SAMPLED);
    expect(span.isRecording()).toBe(false);
    expect(unrecordedSpan(ROOT_CONTEXT).spanContext().traceId).not.toBe(span.spanContext().traceId);
  });
});
