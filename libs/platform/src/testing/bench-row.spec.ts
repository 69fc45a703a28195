import { benchRowOf, goalText, parseBenchRows, BENCH_ROW_PREFIX } from './bench-row';

describe('bench rows (the interface of npm run bench)', () => {
  it('computes the ratio platform / baseline and whether the goal is met', () => {
    expect(benchRowOf({ measure: 'm', unit: 'req/s', platform: 600, baseline: 1000, goal: { atLeast: 0.6 } })).toMatchObject({
      ratio: 0.6,
      met: true,
    });
    expect(benchRowOf({ measure: 'm', unit: 'ms', platform: 25, baseline: 10, goal: { atMost: 2 } })).toMatchObject({
      ratio: 2.5,
      met: false,
    });
    expect(benchRowOf({ measure: 'm', unit: 'ms', platform: 1, baseline: 2 })).not.toHaveProperty('met');
  });

  it('finds the rows among a bench output and ignores every other line', () => {
    const row = benchRowOf({ measure: 'relay', unit: 'events/s', platform: 8, baseline: 10, goal: { atLeast: 0.8 } });
    const output = `loaded 5000 rows\n${BENCH_ROW_PREFIX}${JSON.stringify(row)}\n{"events":5000}\n`;
    expect(parseBenchRows(output)).toEqual([row]);
  });

  it('words the goal', () => {
    expect(goalText({ atLeast: 0.5 })).toBe('≥ 0.5×');
    expect(goalText({ atLeast: 0.5, atMost: 3 })).toBe('≥ 0.5× and ≤ 3×');
    expect(goalText(undefined)).toBe('');
  });
});
