import { messageBytes, splitUnderBytes } from './message-batches';

const message = (n: number, size: number) => ({ key: `k${n}`, value: 'x'.repeat(size) });

describe('splitUnderBytes (batches kept under the broker message limit, issue 15)', () => {
  it('keeps every message, in order, in runs that each stay under the limit', () => {
    const messages = Array.from({ length: 5_000 }, (_, n) => message(n, 612));
    const runs = splitUnderBytes(messages, 900_000);
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.flat()).toEqual(messages);
    for (const run of runs) expect(run.reduce((sum, m) => sum + messageBytes(m), 0)).toBeLessThanOrEqual(900_000);
  });

  it('sends a short batch as one run and nothing for nothing', () => {
    const messages = [message(1, 10), message(2, 10)];
    expect(splitUnderBytes(messages, 1_000)).toEqual([messages]);
    expect(splitUnderBytes([], 1_000)).toEqual([]);
  });

  it('lets a message larger than the limit travel alone (the broker then names it)', () => {
    const runs = splitUnderBytes([message(1, 10), message(2, 5_000), message(3, 10)], 1_000);
    expect(runs.map((r) => r.map((m) => m.key))).toEqual([['k1'], ['k2'], ['k3']]);
  });

  it('counts multi-byte characters and headers', () => {
    const plain = messageBytes({ key: 'k', value: 'ab' });
    expect(messageBytes({ key: 'k', value: '社区' })).toBe(plain + 4);
    expect(messageBytes({ key: 'k', value: 'ab', headers: { traceparent: '00-abc' } })).toBeGreaterThan(plain + 'traceparent00-abc'.length);
  });
});
