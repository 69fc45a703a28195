/**
 * A tiny typed schema for environment variables, so each service declares its config beside the
 * platform's and start-up fails with one message listing every problem (no dependency needed).
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface ConfigField<T> {
  /** Reads one raw variable (undefined when unset or empty). */
  parse(raw: string | undefined): ParseResult<T>;
  /** Shown in error messages and docs. */
  readonly description: string;
}

export type ConfigSchema = Record<string, ConfigField<unknown>>;
export type ConfigOf<S extends ConfigSchema> = { readonly [K in keyof S]: S[K] extends ConfigField<infer T> ? T : never };

interface Common<T> {
  /** Used when the variable is unset or empty. Without a default the variable is required. */
  default?: T;
  description?: string;
}
interface Optional {
  /** Unset yields `undefined` instead of a "missing" problem. */
  optional: true;
}

function field<T>(kind: string, opts: Common<T> & Partial<Optional>, convert: (raw: string) => ParseResult<T>): ConfigField<T> {
  return {
    description: opts.description ?? kind,
    parse(raw) {
      if (raw === undefined || raw.trim() === '') {
        if (opts.default !== undefined) return { ok: true, value: opts.default };
        if (opts.optional) return { ok: true, value: undefined as T };
        return { ok: false, problem: `is required (${kind})` };
      }
      return convert(raw.trim());
    },
  };
}

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const bad = <T>(problem: string): ParseResult<T> => ({ ok: false, problem });

function str(opts: Common<string> & { pattern?: RegExp }): ConfigField<string>;
function str(opts: Common<string> & Optional & { pattern?: RegExp }): ConfigField<string | undefined>;
function str(opts: Common<string> & Partial<Optional> & { pattern?: RegExp } = {}): ConfigField<string | undefined> {
  return field<string | undefined>('string', opts, (raw) =>
    opts.pattern && !opts.pattern.test(raw) ? bad(`must match ${String(opts.pattern)}, got "${raw}"`) : ok(raw),
  );
}

function int(opts: Common<number> & { min?: number; max?: number } = {}): ConfigField<number> {
  return field('integer', opts, (raw) => {
    if (!/^-?\d+$/.test(raw)) return bad(`must be an integer, got "${raw}"`);
    const n = Number(raw);
    if (opts.min !== undefined && n < opts.min) return bad(`must be >= ${opts.min}, got ${n}`);
    if (opts.max !== undefined && n > opts.max) return bad(`must be <= ${opts.max}, got ${n}`);
    return ok(n);
  });
}

function url(opts: Common<string> & { protocols?: string[] }): ConfigField<string>;
function url(opts: Common<string> & Optional & { protocols?: string[] }): ConfigField<string | undefined>;
function url(opts: Common<string> & Partial<Optional> & { protocols?: string[] } = {}): ConfigField<string | undefined> {
  return field<string | undefined>('URL', opts, (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      // Never echo the value: URLs carry passwords.
      return bad('must be a valid URL');
    }
    const protocol = parsed.protocol.replace(/:$/, '');
    if (opts.protocols && !opts.protocols.includes(protocol)) {
      return bad(`must use ${opts.protocols.join(' or ')}, got ${protocol}`);
    }
    return ok(raw);
  });
}

function list(opts: Common<string[]> & { minItems?: number } = {}): ConfigField<string[]> {
  return field('comma-separated list', opts, (raw) => {
    const items = raw
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (items.length < (opts.minItems ?? 1)) return bad(`must list at least ${opts.minItems ?? 1} item(s)`);
    return ok(items);
  });
}

function oneOf<const V extends readonly string[]>(values: V, opts: Common<V[number]> = {}): ConfigField<V[number]> {
  return field(`one of ${values.join('|')}`, opts, (raw) =>
    (values as readonly string[]).includes(raw) ? ok(raw as V[number]) : bad(`must be one of ${values.join(', ')}, got "${raw}"`),
  );
}

function bool(opts: Common<boolean> = {}): ConfigField<boolean> {
  return field('boolean', opts, (raw) => {
    const v = raw.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return ok(true);
    if (['false', '0', 'no', 'off'].includes(v)) return ok(false);
    return bad(`must be true or false, got "${raw}"`);
  });
}

/** Field builders: `cfg.int({ default: 3000, min: 1 })`, `cfg.enum(['a', 'b'] as const)` … */
export const cfg = { string: str, int, url, list, enum: oneOf, bool };

export interface ConfigProblem {
  variable: string;
  problem: string;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration (${problems.length} problem(s)):\n${problems.map((p) => `  - ${p.variable} ${p.problem}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

export type Env = Record<string, string | undefined>;

/** Parses every variable of the schema; collects all problems instead of stopping at the first. */
export function parseConfig<S extends ConfigSchema>(schema: S, env: Env): { config?: ConfigOf<S>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(schema)) {
    const result = f.parse(env[name]);
    if (result.ok) out[name] = result.value;
    else problems.push({ variable: name, problem: result.problem });
  }
  return problems.length ? { problems } : { config: Object.freeze(out) as ConfigOf<S>, problems };
}

/** Like parseConfig but throws one ConfigValidationError listing every problem. */
export function loadConfig<S extends ConfigSchema>(schema: S, env: Env): ConfigOf<S> {
  const { config, problems } = parseConfig(schema, env);
  if (!config) throw new ConfigValidationError(problems);
  return config;
}
