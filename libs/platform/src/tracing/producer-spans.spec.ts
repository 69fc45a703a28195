import { startProducerSpan } from './producer-spans';

describe('startProducerSpan (outbox row → Kafka headers)', () => {
  const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

  it('sends the stored W3C context on when no tracer provider is installed (no-op spans)', () => {
    expect(startProducerSpan('cwp.x.things', { traceparent, tracestate: 'k=v' }).headers).toMatchObject({
      traceparent: expect.stringMatching(/^00-0af7651916cd43dd8448eb211c80319c-/),
    });
    expect(startProducerSpan('cwp.x.things', JSON.stringify({ traceparent })).headers.traceparent).toMatch(
      /^00-0af7651916cd43dd8448eb211c80319c-/,
    );
  });

  it('adds no header for a row written outside a trace', () => {
    expect(startProducerSpan('cwp.x.things', null).headers).toEqual({});
    expect(startProducerSpan('cwp.x.things', { traceparent: 42 }).headers).toEqual({});
  });
});
