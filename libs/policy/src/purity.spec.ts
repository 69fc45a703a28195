/**
 * libs/policy must stay pure and deterministic (ARCHITECTURE.md: workflows import it): no clock,
 * no randomness, no I/O, no imports from outside the library. This reads the library's own
 * sources and fails on any of those.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/new Date\(\s*\)/, 'new Date() without an argument'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bprocess\./, 'process'],
  [/\bconsole\./, 'console'],
  [/\bset(Timeout|Interval|Immediate)\s*\(/, 'timers'],
  [/\brequire\s*\(/, 'require()'],
  [/\bfetch\s*\(/, 'fetch()'],
];

describe('libs/policy purity', () => {
  const files = sources(__dirname);

  it('finds the library sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(__dirname, f), f]))('%s has no clock, randomness, I/O or outside import', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const [pattern, what] of FORBIDDEN)
      expect({ file: _name, uses: pattern.test(text) ? what : null }).toEqual({ file: _name, uses: null });
    const imports = [...text.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]!);
    for (const spec of imports) expect(spec).toMatch(/^\.\.?\//);
  });
});
