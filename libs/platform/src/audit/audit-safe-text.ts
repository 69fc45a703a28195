/**
 * No audit write may fail on caller-supplied text (issue 8, defect 2: a NUL in a path parameter
 * made the denial's INSERT fail with 22021, so the denial was never recorded). Text bound for the
 * trail loses what PostgreSQL refuses (NUL, and in jsonb the `\u0000` escape) and what is not
 * text (other control characters, lone surrogates), and is cut to a sane length.
 */
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Longest text kept in one audit column (ids, reasons, subjects are far shorter). */
export const AUDIT_TEXT_LIMIT = 500;

export function auditText(text: string): string {
  const clean = text.replace(UNSTORABLE, '\uFFFD');
  return clean.length > AUDIT_TEXT_LIMIT ? `${clean.slice(0, AUDIT_TEXT_LIMIT)}…` : clean;
}

/** A JSON value for a jsonb column with every string (keys included) made storable. */
export function auditSafe(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return auditText(value);
  if (value === null || typeof value !== 'object' || depth > 16) return value;
  if (Array.isArray(value)) return value.map((v) => auditSafe(v, depth + 1));
  if (value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [auditText(k), auditSafe(v, depth + 1)]));
}
