import RandExp from 'randexp';
import type { JsonSchema } from '../cloudevent';

/**
 * A deterministic example of data that satisfies `schema` (the subset our event schemas use:
 * objects, arrays, enums, consts, strings with patterns and formats, integers and numbers with
 * bounds, nullable unions). Optional properties are left out; the documents' tests check every
 * example against its schema, so a schema this cannot satisfy fails loudly rather than shipping a
 * wrong example.
 */
export function exampleOf(schema: JsonSchema, seed = 1): unknown {
  const random = seededRandom(seed);
  return build(schema, random);
}

function build(schema: JsonSchema, random: () => number): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.anyOf)) return build(schema.anyOf[0] as JsonSchema, random);
  if (Array.isArray(schema.oneOf)) return build(schema.oneOf[0] as JsonSchema, random);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      return Object.fromEntries(required.map((name) => [name, build(properties[name] ?? {}, random)]));
    }
    case 'array': {
      const count = Math.max(Number(schema.minItems ?? 1), 1);
      const items = (schema.items ?? {}) as JsonSchema;
      const values: unknown[] = [];
      for (let i = 0; values.length < count && i < count * 10; i += 1) {
        const value = build(items, random);
        if (!schema.uniqueItems || !values.some((v) => JSON.stringify(v) === JSON.stringify(value))) values.push(value);
      }
      return values;
    }
    case 'integer':
    case 'number': {
      const minimum = Number(schema.minimum ?? schema.exclusiveMinimum ?? 0) + (schema.exclusiveMinimum !== undefined ? 1 : 0);
      const maximum = Number(schema.maximum ?? minimum + 100);
      return Math.min(maximum, Math.max(minimum, Math.floor(minimum + (maximum - minimum) * random() * 0.1)));
    }
    case 'boolean':
      return true;
    case 'string':
      return stringOf(schema, random);
    case 'null':
      return null;
    default:
      return null;
  }
}

const FORMATS: Record<string, string> = {
  date: '2026-03-16',
  'date-time': '2026-03-16T09:30:00.000Z',
  uuid: '3f1c2a9e-8b4d-4c6e-9a7f-1d2e3c4b5a69',
  email: 'hr@example.org',
  uri: 'https://hr.example.org/hooks/cwp',
};

function stringOf(schema: JsonSchema, random: () => number): string {
  if (typeof schema.format === 'string' && FORMATS[schema.format]) return FORMATS[schema.format];
  if (typeof schema.pattern === 'string') {
    const generator = new RandExp(schema.pattern);
    generator.max = 3;
    generator.randInt = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
    return generator.gen();
  }
  const minLength = Number(schema.minLength ?? 1);
  return 'example'.padEnd(minLength, 'x').slice(0, Math.max(minLength, Math.min(7, Number(schema.maxLength ?? 7))));
}

/** mulberry32: small, fast and the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
