/**
 * Fields whose values never enter the audit trail in clear (national ID, phone, name …): only
 * their names are recorded as changed. Compared case-insensitively, ignoring _ and -.
 */
export const DEFAULT_PERSONAL_FIELDS: readonly string[] = [
  'nationalId',
  'idNumber',
  'idCard',
  'phone',
  'mobile',
  'phoneNumber',
  'name',
  'fullName',
  'givenName',
  'familyName',
  'email',
  'address',
  'homeAddress',
  'birthDate',
  'dateOfBirth',
  'personRef',
];

export const PERSONAL_VALUE = '[personal]';

const normalize = (key: string): string => key.toLowerCase().replace(/[_-]/g, '');

export function personalFieldSet(extra: readonly string[] = []): Set<string> {
  return new Set([...DEFAULT_PERSONAL_FIELDS, ...extra].map(normalize));
}

/** A copy of a record's values with personal fields masked (nested objects included). */
export function maskPersonal(values: Record<string, unknown> | undefined, personal: Set<string>): Record<string, unknown> | undefined {
  if (!values) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (personal.has(normalize(key))) out[key] = value === null || value === undefined ? value : PERSONAL_VALUE;
    else if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      out[key] = maskPersonal(value as Record<string, unknown>, personal);
    } else out[key] = value;
  }
  return out;
}

/** Names of fields whose values differ between `before` and `after` (shallow, JSON equality). */
export function diffFields(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k])).sort();
}

/** Only the changed fields of a record, so the trail does not copy whole rows. */
export function pick(values: Record<string, unknown> | undefined, fields: readonly string[]): Record<string, unknown> | undefined {
  if (!values) return undefined;
  return Object.fromEntries(fields.filter((f) => f in values).map((f) => [f, values[f]]));
}
