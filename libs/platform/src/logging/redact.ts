/**
 * Personal data never reaches a log line (ARCHITECTURE "never a national ID number or phone
 * number in a log line"). Values are scrubbed by pattern wherever they appear, and some keys are
 * dropped whatever their value looks like.
 */

// 18-character resident ID: 17 digits then a digit or the check character X. The legacy
// 15-digit form is all digits. Bounded by non-digits so 12-digit org unit codes never match.
const NATIONAL_ID_18 = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const NATIONAL_ID_15 = /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g;
// Mainland mobile numbers: 11 digits starting 1[3-9], optionally written with +86 / 86.
const MOBILE = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])/g;

export const REDACTED = '[REDACTED]';

/** Keys whose value is dropped whatever it holds (compared case-insensitively, ignoring _ and -). */
export const REDACTED_KEYS: ReadonlySet<string> = new Set(
  ['nationalId', 'idNumber', 'idCard', 'phone', 'mobile', 'phoneNumber', 'authorization', 'cookie', 'password', 'privateKey'].map(
    normalizeKey,
  ),
);

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

export function redactString(text: string): string {
  return text.replace(NATIONAL_ID_18, '[national-id]').replace(NATIONAL_ID_15, '[national-id]').replace(MOBILE, '[phone]');
}

/** Deep copy of `value` with personal data scrubbed; cycles and depth are bounded. */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value === 'number' && Number.isInteger(value) && String(value).length >= 11)
    return redactString(String(value)) === String(value) ? value : REDACTED;
  if (typeof value === 'bigint') return redactString(value.toString());
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth > 8) return '[depth]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, depth, seen);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, seen));
  if (value instanceof Date) return value;
  return redactObject(value, depth, seen);
}

function redactObject(value: object, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = REDACTED_KEYS.has(normalizeKey(key)) && v !== undefined && v !== null ? REDACTED : redact(v, depth + 1, seen);
  }
  return out;
}

/**
 * Fields of a thrown error that hold the caller's or a row's values: a driver error's `detail`
 * (`Failing row contains (…, 工人69002, female, 1990-05-17, …)`), the query `parameters`, the
 * server's `where`/`hint`/`internalQuery`. Never written, whatever they look like (issue 8, defect 8).
 */
export const ERROR_VALUE_FIELDS: ReadonlySet<string> = new Set([
  'parameters',
  'detail',
  'where',
  'hint',
  'internalQuery',
  'body',
  'data',
  'value',
  'values',
  'row',
]);

// A PostgreSQL message quotes the offending input after a colon: `invalid input syntax for type uuid: "王五"`.
const QUOTED_VALUE = /:\s*".*$/s;

function redactError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const own = error as unknown as Record<string, unknown>;
  const driver = (own.driverError ?? own) as Record<string, unknown>;
  const sqlState = typeof driver.code === 'string' && /^[0-9A-Z]{5}$/.test(driver.code) ? driver.code : undefined;
  const message = sqlState ? error.message.replace(QUOTED_VALUE, ': [value]') : error.message;
  const stack = error.stack
    ? `${error.name}: ${message}${error.stack.slice(error.stack.indexOf('\n    at ') >= 0 ? error.stack.indexOf('\n    at ') : error.stack.length)}`
    : undefined;
  const out: Record<string, unknown> = { type: error.name, message: redactString(message), stack: stack ? redactString(stack) : undefined };
  for (const [key, v] of Object.entries(own)) {
    if (ERROR_VALUE_FIELDS.has(key) || key === 'message' || key === 'stack') continue;
    if (key === 'driverError' && v instanceof Error) out[key] = redactError(v, depth + 1, seen);
    else out[key] = REDACTED_KEYS.has(normalizeKey(key)) && v !== undefined && v !== null ? REDACTED : redact(v, depth + 1, seen);
  }
  if (error.cause !== undefined && out.cause === undefined) out.cause = redact(error.cause, depth + 1, seen);
  return out;
}
