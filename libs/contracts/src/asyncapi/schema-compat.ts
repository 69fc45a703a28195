import type { JsonSchema } from '../cloudevent';

/** Keywords that describe but do not constrain: changing them never breaks a consumer. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', '$comment', '$id', '$schema', 'deprecated']);

export interface BreakingChange {
  /** JSON pointer-like path of the schema node, e.g. `/properties/unitCode`. */
  path: string;
  change: string;
}

/**
 * What a change from `before` to `after` (the JSON Schema of one event type's data) breaks for a
 * consumer written against `before`. The rule, conservative on purpose:
 * - compatible: a new optional property, a new required property, changed annotations;
 * - breaking: a property removed, a required property made optional, and any other change to an
 *   existing node (type, enum, pattern, format, bounds, items, additionalProperties …): a
 *   narrowed type fails events already stored, a widened one hands consumers values they never
 *   handled.
 * Consumers must ignore properties they do not know (tolerant reader); that is what makes new
 * properties compatible.
 */
export function breakingChanges(before: JsonSchema, after: JsonSchema, path = ''): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const beforeProps = asRecord(before.properties);
  const afterProps = asRecord(after.properties);
  for (const name of Object.keys(beforeProps)) {
    if (!(name in afterProps)) changes.push({ path: `${path}/properties/${name}`, change: 'property removed' });
    else changes.push(...breakingChanges(beforeProps[name] as JsonSchema, afterProps[name] as JsonSchema, `${path}/properties/${name}`));
  }
  const afterRequired = new Set(asStrings(after.required));
  for (const name of asStrings(before.required)) {
    if (name in afterProps && !afterRequired.has(name))
      changes.push({ path: `${path}/properties/${name}`, change: 'required property made optional' });
  }
  if (isSchema(before.items) && isSchema(after.items)) changes.push(...breakingChanges(before.items, after.items, `${path}/items`));
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    if (ANNOTATIONS.has(key) || key === 'properties' || key === 'required') continue;
    if (key === 'items' && isSchema(before.items) && isSchema(after.items)) continue;
    if (!deepEqual(before[key], after[key])) {
      changes.push({
        path: path || '/',
        change: `${key} changed from ${JSON.stringify(before[key]) ?? 'unset'} to ${JSON.stringify(after[key]) ?? 'unset'}`,
      });
    }
  }
  return changes;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isSchema(value: unknown): value is JsonSchema {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Object keys sorted, annotations dropped, so key order or a changed title compares equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => !ANNOTATIONS.has(k))
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
