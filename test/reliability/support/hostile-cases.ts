/**
 * Hostile requests generated from a service's own OpenAPI document, so a new endpoint or a new
 * service is covered without new test code. Each case says what it sends and what a right answer
 * is: never 5xx, never a stack trace, and for input the edge must refuse, a 400 naming the field.
 */
import { randomUUID } from 'node:crypto';
import { UNITS } from './tier';

const TWENTY_DIGITS = '99999999999999999999';

type Schema = Record<string, any>;
export interface Operation {
  method: string;
  /** OpenAPI path with the service prefix, e.g. `/api/workforce/workers/{id}`. */
  path: string;
  parameters: Array<{ name: string; in: 'path' | 'query'; required?: boolean; schema?: Schema }>;
  body?: Schema;
  /** A larger body limit the operation documents (`x-body-limit-bytes`: an upload route); 100 kB otherwise. */
  bodyLimitBytes?: number;
}

export interface HostileCase {
  operation: Operation;
  /** What the case does, for the transcript: `body.name = NUL`. */
  label: string;
  /** Path after `/api/<service>`, query included. */
  url: string;
  raw?: string | Buffer;
  /** The field a 400 must name; undefined when any non-5xx answer is right (injection text, …). */
  mustRefuseNaming?: string;
  /** An exact status the case must get (413 for oversize bodies). */
  status?: number;
}

// Few, each standing for a family (SQL, template/JNDI, markup/path): the tier has a time budget.
const INJECTIONS = ["' OR '1'='1' --", '${jndi:ldap://x/a}{{7*7}}', '<script>alert(1)</script>../../etc/passwd'];
const CONTROL = { NUL: 'a\u0000b', ESC: '\u001b[2J', 'lone surrogate': '\ud800x' };

/** Operations of an OpenAPI document (paths under the service prefix only; /health, /ready left out). */
export function operationsOf(document: Schema, prefix: string): Operation[] {
  const out: Operation[] = [];
  for (const [p, item] of Object.entries<Schema>(document.paths ?? {})) {
    if (!p.startsWith(prefix)) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method];
      if (!op) continue;
      const ref = op.requestBody?.content?.['application/json']?.schema;
      out.push({
        method: method.toUpperCase(),
        path: p,
        parameters: op.parameters ?? [],
        body: ref ? resolve(document, ref) : undefined,
        bodyLimitBytes: op['x-body-limit-bytes'],
      });
    }
  }
  return out;
}

export function resolve(document: Schema, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(document, document.components.schemas[String(schema.$ref).split('/').pop()!]);
  if (schema.allOf?.length === 1) return { ...resolve(document, schema.allOf[0]), ...schema, allOf: undefined };
  return schema;
}

/** A plausible value for a path parameter, so the request reaches the handler. */
export function pathValue(name: string, schema: Schema = {}): string {
  if (/year/i.test(name)) return String(new Date().getFullYear() + 1);
  if (/district/i.test(name)) return UNITS.district;
  if (/code|unit/i.test(name)) return UNITS.street;
  if (schema.type === 'integer' || schema.type === 'number') return '1';
  return randomUUID();
}

/** A plausible value for a schema: its example, first enum value, or something of its type. */
export function sample(document: Schema, raw: Schema | undefined, depth = 0): unknown {
  const schema = resolve(document, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.format === 'date') return new Date().toISOString().slice(0, 10);
  if (schema.format === 'uuid') return randomUUID();
  switch (schema.type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return depth > 3 ? [] : [sample(document, schema.items, depth + 1)];
    case 'object':
      return depth > 3
        ? {}
        : Object.fromEntries(
            Object.entries<Schema>(schema.properties ?? {})
              .filter(([k]) => (schema.required ?? []).includes(k))
              .map(([k, v]) => [k, sample(document, v, depth + 1)]),
          );
    default:
      return schema.minLength ? 'x'.repeat(schema.minLength) : 'x';
  }
}

function fillPath(op: Operation, override?: { name: string; value: string }): string {
  const prefixEnd = op.path.indexOf('/', '/api/'.length);
  const route = op.path.slice(prefixEnd);
  return route.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (override?.name === name) return override.value;
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(pathValue(name, param?.schema));
  });
}

/** Every hostile case of one operation. */
export function hostileCases(document: Schema, op: Operation): HostileCase[] {
  const cases: HostileCase[] = [];
  const url = fillPath(op);
  const add = (label: string, c: Omit<HostileCase, 'operation' | 'label'>) => cases.push({ operation: op, label, ...c });

  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const at = (value: string) => fillPath(op, { name: p.name, value });
    add(`path ${p.name} = NUL`, { url: at('%00'), mustRefuseNaming: p.name });
    add(`path ${p.name} = 20 digits`, { url: at('99999999999999999999') });
    add(`path ${p.name} = negative`, { url: at('-1') });
    add(`path ${p.name} = 300 chars`, { url: at('9'.repeat(300)) });
    add(`path ${p.name} = traversal`, { url: at('..%2F..%2Fetc%2Fpasswd') });
    add(`path ${p.name} = injection`, { url: at(encodeURIComponent(INJECTIONS[0]!)) });
    add(`path ${p.name} = bad %-escape`, { url: at('%E0%A4%A') });
  }
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    const q = (value: string, extra = '') => `${url}?${encodeURIComponent(p.name)}=${value}${extra}`;
    const schema = resolve(document, p.schema);
    add(`query ${p.name} = NUL`, { url: q('%00'), mustRefuseNaming: p.name });
    add(`query ${p.name} = lone surrogate`, { url: q('%ED%A0%80') });
    add(`query ${p.name} repeated`, { url: q('1', `&${encodeURIComponent(p.name)}=2`), mustRefuseNaming: p.name });
    add(`query ${p.name} = 20 digits`, {
      url: q(TWENTY_DIGITS),
      // Refused where the documented schema excludes it: a bound, an enum, a format, or a pattern it does not match
      // (a consumer name may well be all digits).
      mustRefuseNaming:
        schema.maximum !== undefined || schema.enum || schema.format || (schema.pattern && !new RegExp(schema.pattern).test(TWENTY_DIGITS))
          ? p.name
          : undefined,
    });
    add(`query ${p.name} = -1`, {
      url: q('-1'),
      mustRefuseNaming: schema.minimum !== undefined && schema.minimum > -1 ? p.name : undefined,
    });
    add(`query ${p.name} = 2026-02-30`, { url: q('2026-02-30'), mustRefuseNaming: schema.format ? p.name : undefined });
    add(`query ${p.name} = 9999-12-31`, { url: q('9999-12-31'), mustRefuseNaming: schema.format === 'date' ? p.name : undefined });
    add(`query ${p.name} = 1000 chars`, { url: q('7'.repeat(1000)), mustRefuseNaming: p.name });
    for (const injection of INJECTIONS) add(`query ${p.name} = ${injection}`, { url: q(encodeURIComponent(injection)) });
  }
  if (op.method === 'GET' || op.method === 'DELETE') return cases;

  const base = (op.body ? sample(document, op.body) : {}) as Record<string, unknown>;
  const send = (body: unknown) => JSON.stringify(body);
  // Body-level attacks, whatever the schema.
  add('body nested 40,000 deep', { url, raw: `{"a":${'['.repeat(40_000)}${']'.repeat(40_000)}}`, mustRefuseNaming: 'body' });
  add('body nested 64 deep (under the size limit)', { url, raw: `${'{"a":'.repeat(64)}1${'}'.repeat(64)}`, mustRefuseNaming: 'body' });
  const rest = send(base).slice(1); // `}` or `"field":…}`
  add('body __proto__ key', {
    url,
    raw: `{"__proto__":{"polluted":"yes"}${rest === '}' ? '' : ','}${rest}`,
    mustRefuseNaming: '__proto__',
  });
  add('body constructor.prototype key', {
    url,
    raw: send({ ...base, constructor: { prototype: { polluted: 'yes' } } }),
    mustRefuseNaming: 'constructor',
  });
  add('body unknown key', { url, raw: send({ ...base, unknownFieldX: 1 }), mustRefuseNaming: 'unknownFieldX' });
  add('body invalid UTF-8', {
    url,
    raw: Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]),
    mustRefuseNaming: 'body',
  });
  const oversize = op.bodyLimitBytes ? op.bodyLimitBytes + 100_000 : 200_000;
  add(`body ${Math.round(oversize / 1000)} kB`, { url, raw: send({ ...base, pad: 'x'.repeat(oversize) }), status: 413 });
  add('body not JSON', { url, raw: '{"a":', status: 400 });
  add('body is an array', { url, raw: '[1,2,3]' });
  add('body is a string', { url, raw: '"x"' });
  if (!op.body) return cases;

  for (const [name, raw] of Object.entries<Schema>(op.body.properties ?? {})) {
    const schema = resolve(document, raw);
    const withField = (value: unknown) => send({ ...base, [name]: value });
    if (!schema.nullable) add(`body.${name} = null`, { url, raw: withField(null), mustRefuseNaming: name });
    // For an object-typed field `{a:1}` is the right type with unknown content: any 4xx will do.
    add(`body.${name} = wrong type (object)`, {
      url,
      raw: withField({ a: 1 }),
      mustRefuseNaming: schema.type === 'object' ? undefined : name,
    });
    add(`body.${name} = wrong type (array)`, { url, raw: withField([1]), mustRefuseNaming: schema.type === 'array' ? undefined : name });
    for (const [label, text] of Object.entries(CONTROL))
      add(`body.${name} = ${label}`, { url, raw: withField(text), mustRefuseNaming: name });
    if (schema.type === 'integer' || schema.type === 'number') {
      add(`body.${name} = 1e308`, {
        url,
        raw: send({ ...base, [name]: 1 }).replace(`"${name}":1`, `"${name}":1e308`),
        mustRefuseNaming: schema.maximum !== undefined ? name : undefined,
      });
      add(`body.${name} = 20 digits`, {
        url,
        raw: send({ ...base, [name]: 1 }).replace(`"${name}":1`, `"${name}":99999999999999999999`),
        mustRefuseNaming: name,
      });
      add(`body.${name} = -1`, {
        url,
        raw: withField(-1),
        mustRefuseNaming: schema.minimum !== undefined && schema.minimum > -1 ? name : undefined,
      });
      add(`body.${name} = 1.5`, { url, raw: withField(1.5), mustRefuseNaming: schema.type === 'integer' ? name : undefined });
      add(`body.${name} = "12" (string)`, { url, raw: withField('12'), mustRefuseNaming: name });
    } else {
      // A date-shaped text is refused where a date or a closed set is expected; a free pattern may allow it.
      const dateLike = schema.format === 'date' || schema.enum ? name : undefined;
      add(`body.${name} = 2026-02-30`, { url, raw: withField('2026-02-30'), mustRefuseNaming: dateLike });
      add(`body.${name} = 9999-12-31`, { url, raw: withField('9999-12-31'), mustRefuseNaming: dateLike });
      add(`body.${name} = 0000-00-00`, { url, raw: withField('0000-00-00'), mustRefuseNaming: dateLike });
      add(`body.${name} = 5,000 chars`, {
        url,
        raw: withField('长'.repeat(5_000)),
        // Only a bound under 5,000 must refuse it (a CSV field may take megabytes).
        mustRefuseNaming:
          (schema.maxLength !== undefined && schema.maxLength < 5_000) || schema.enum || schema.pattern || schema.format ? name : undefined,
      });
      add(`body.${name} = 12345 (number)`, {
        url,
        raw: withField(12345),
        mustRefuseNaming: schema.type === 'string' || schema.enum ? name : undefined,
      });
      for (const injection of INJECTIONS) add(`body.${name} = ${injection}`, { url, raw: withField(injection) });
    }
  }
  return cases;
}

/** Stack frames, file paths or driver messages in a response: internals that must never leak. */
export const LEAK =
  /\n\s+at [\w.<>$]+ \(|node_modules|\.ts:\d+|\.js:\d+|QueryFailedError|TypeError|RangeError|ReferenceError|duplicate key value|violates|syntax error at|invalid input syntax|SQLSTATE/;
