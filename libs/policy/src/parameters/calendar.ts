/** Policy dates are Shanghai calendar dates (UTC+8), written YYYY-MM-DD so they compare as strings. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export type PolicyDate = string | Date;

/** `Date` → its calendar date in Shanghai; a `YYYY-MM-DD` string passes through. */
export function shanghaiDate(date: PolicyDate): string {
  if (typeof date === 'string') return date;
  // An invalid Date would throw a RangeError in toISOString; let the caller's check name it.
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  return new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
