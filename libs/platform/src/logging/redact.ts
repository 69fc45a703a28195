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
  ['nationalId', 'idNumber', 'idCard', 'phone', 'mobile', 'phoneNumber', 'authorization', 'cookie', 'password', 'privateKey'].map(normalizeKey),
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
  if (typeof value === 'number' && Number.isInteger(value) && String(value).length >= 11) return redactString(String(value)) === String(value) ? value : REDACTED;
  if (typeof value === 'bigint') return redactString(value.toString());
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth > 8) return '[depth]';
  seen.add(value);
  if (value instanceof Error) {
    return { type: value.name, message: redactString(value.message), stack: value.stack ? redactString(value.stack) : undefined, ...redactObject(value, depth, seen) };
  }
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
