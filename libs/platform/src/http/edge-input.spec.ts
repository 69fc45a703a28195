import { inputProblems, jsonDepthExceeds, MAX_JSON_DEPTH, rawBodyProblem, textProblem } from './edge-input';

describe('edge input checks (issue 8, defects 1, 2, 5)', () => {
  it('bounds nesting on the raw text, ignoring brackets inside strings', () => {
    expect(jsonDepthExceeds('['.repeat(40_000) + ']'.repeat(40_000))).toBe(true);
    expect(jsonDepthExceeds('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ s: '['.repeat(100) + '\\"{{{' }))).toBe(false);
  });

  it('refuses invalid UTF-8 and over-deep bodies before parsing, naming the body', () => {
    expect(rawBodyProblem(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]))).toMatchObject({
      field: 'body',
      problem: expect.stringContaining('UTF-8'),
    });
    expect(rawBodyProblem(Buffer.from('{"a":' + '['.repeat(50) + ']'.repeat(50) + '}'))).toMatchObject({
      field: 'body',
      problem: expect.stringContaining('nest'),
    });
    expect(rawBodyProblem(Buffer.from(JSON.stringify({ name: '张三', list: [[1]] })))).toBeUndefined();
  });

  it('refuses NUL, other control characters and lone surrogates; allows tab, newline, CJK and emoji', () => {
    for (const bad of ['a\u0000b', '\u0007', '\u001b[31m', '\u0085', '\ud800', 'x\udc00']) expect(textProblem(bad)).toBeDefined();
    for (const good of ['张三', 'line\nbreak\ttab\r', '😀', "O'Brien; DROP TABLE"]) expect(textProblem(good)).toBeUndefined();
  });

  it('names each bad value and prototype key by its dotted path', () => {
    const body = JSON.parse(
      '{"name":"a\\u0000b","facts":{"appraisals":[{"grade":"x"},{"__proto__":{"polluted":1}}]},"constructor":{"prototype":{}}}',
    );
    expect(inputProblems(body).map((p) => p.field)).toEqual(['name', 'facts.appraisals.1.__proto__', 'constructor']);
    expect(inputProblems('a\u0000', 'code')).toEqual([{ field: 'code', problem: 'code must not contain control characters' }]);
    expect(JSON.stringify(inputProblems({ name: 'secret\u0000value' }))).not.toContain('secret');
  });

  it('refuses integral numbers beyond 2^53 (a 20-digit literal), keeps ordinary numbers', () => {
    expect(inputProblems(JSON.parse('{"version":99999999999999999999,"amount":1e308}')).map((p) => p.field)).toEqual(['version', 'amount']);
    expect(inputProblems({ version: 3, ratio: 0.25, big: Number.MAX_SAFE_INTEGER, low: -5 })).toEqual([]);
  });
});
