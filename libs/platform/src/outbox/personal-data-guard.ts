/**
 * Belt and braces for "never a national ID number or phone number in an event" (brief and
 * ARCHITECTURE.md): the JSON Schema should already forbid such fields; this pattern check catches
 * one that slipped into a free-text field or a loosely typed object. It reports the JSON path of
 * the offending value and what it looks like, never the value itself.
 */

// 18-character resident identity number (GB 11643): address code, birth date YYYYMMDD, sequence,
// check character; also the old 15-digit form (YYMMDD). Not bounded by other letters or digits,
// so longer numbers and hex ids do not trip it.
const NATIONAL_ID = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/;
const OLD_NATIONAL_ID = /(?<![0-9A-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/;
// Mainland mobile numbers (11 digits from 13x..19x), optionally +86 / 0086 and spaced or dashed
// 3-4-4; and fixed lines with an area code (021-12345678).
const MOBILE = /(?<![0-9A-Za-z])(?:(?:\+|00)?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Za-z])/;
const FIXED_LINE = /(?<![0-9A-Za-z])0\d{2,3}-\d{7,8}(?![0-9A-Za-z])/;
const SUSPICIOUS_KEY =
  /^(?:phone|phones|phone_?number|mobile|mobile_?phone|telephone|tel|national_?id|id_?number|id_?card|identity_?(?:number|card)|citizen_?id|sfz)$/i;

export interface PersonalDataFinding {
  /** Dotted path below the event, e.g. `data.notes` or `data.contacts[0]`. */
  path: string;
  looksLike: 'national ID number' | 'phone number' | 'personal-data field name';
}

// Every pattern above needs at least 11 characters (a mobile number, `021-1234567`): shorter text
// cannot match, so years, amounts in fen, dates and codes skip the regular expressions (batch paths).
const SHORTEST_MATCH = 11;

export function findPersonalData(value: unknown, path = 'data'): PersonalDataFinding | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    const text = String(value);
    if (text.length < SHORTEST_MATCH) return undefined;
    if (NATIONAL_ID.test(text) || OLD_NATIONAL_ID.test(text)) return { path, looksLike: 'national ID number' };
    if (MOBILE.test(text) || FIXED_LINE.test(text)) return { path, looksLike: 'phone number' };
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const finding = findPersonalData(value[i], `${path}[${i}]`);
      if (finding) return finding;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const childPath = `${path}.${key}`;
      if (SUSPICIOUS_KEY.test(key) && child !== null && child !== undefined && child !== false) {
        return { path: childPath, looksLike: 'personal-data field name' };
      }
      const finding = findPersonalData(child, childPath);
      if (finding) return finding;
    }
  }
  return undefined;
}
