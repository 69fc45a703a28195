/**
 * A new version written as changes to an existing one (`basedOn`): plain objects merge key by key,
 * anything else (numbers, arrays, strings) replaces. The result is validated whole by libs/policy.
 */
export function mergeVersion(base: unknown, changes: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(changes)) return changes === undefined ? base : changes;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) out[key] = mergeVersion(base[key], value);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
