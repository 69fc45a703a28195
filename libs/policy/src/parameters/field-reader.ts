import type { RuleId } from '../explain/rules';

/**
 * Reads an untrusted JSON value field by field, recording every problem with its path and the rule
 * that sets the bound (`pay.multiplier: 1.6 is outside 1..1.5 (PAY-3)`) instead of stopping at the
 * first. Readers return a placeholder after a problem so that reading can go on.
 */
export class FieldReader {
  readonly issues: string[] = [];
  readonly paths: string[] = [];

  problem(path: string, message: string, rule?: RuleId): void {
    this.paths.push(path);
    this.issues.push(`${path}: ${message}${rule ? ` (${rule})` : ''}`);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.problem(path, 'must be an object');
    return {};
  }

  child(parent: Record<string, unknown>, key: string, path: string): Record<string, unknown> {
    return this.object(parent[key], join(path, key));
  }

  number(
    parent: Record<string, unknown>,
    key: string,
    path: string,
    bounds: { min: number; max: number; integer?: boolean },
    rule?: RuleId,
  ): number {
    const p = join(path, key);
    const v = parent[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.problem(p, `must be a number, got ${describe(v)}`, rule);
      return bounds.min;
    }
    if (bounds.integer && !Number.isInteger(v)) this.problem(p, `${v} must be a whole number`, rule);
    if (v < bounds.min || v > bounds.max) this.problem(p, `${v} is outside ${bounds.min}..${bounds.max}`, rule);
    return v;
  }

  string(parent: Record<string, unknown>, key: string, path: string, pattern?: RegExp, rule?: RuleId): string {
    const p = join(path, key);
    const v = parent[key];
    if (typeof v !== 'string' || v.length === 0) {
      this.problem(p, `must be a non-empty string, got ${describe(v)}`, rule);
      return '';
    }
    if (pattern && !pattern.test(v)) this.problem(p, `"${v}" does not match ${pattern.source}`, rule);
    return v;
  }

  oneOf<T extends string>(parent: Record<string, unknown>, key: string, path: string, choices: readonly T[], rule?: RuleId): T {
    const p = join(path, key);
    const v = parent[key];
    if (typeof v === 'string' && (choices as readonly string[]).includes(v)) return v as T;
    this.problem(p, `must be one of ${choices.join(', ')}, got ${describe(v)}`, rule);
    return choices[0]!;
  }

  array(parent: Record<string, unknown>, key: string, path: string, rule?: RuleId): unknown[] {
    const v = parent[key];
    if (Array.isArray(v) && v.length > 0) return v;
    this.problem(join(path, key), 'must be a non-empty array', rule);
    return [];
  }

  /** Rejects fields the schema does not know, which are usually typos of a real field. */
  onlyKeys(obj: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) this.problem(join(path, k), 'is not a known field');
  }
}

export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
