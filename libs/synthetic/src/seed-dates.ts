/** Day arithmetic on ISO dates (UTC, no clock): the generator is a pure function of its inputs. */
const DAY_MS = 86_400_000;

export function isoToDay(iso: string): number {
  const day = Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
  // The round trip rejects what Date.parse would roll over (2026-02-30 → March 2).
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(day) || dayToIso(day) !== iso) throw new RangeError(`not an ISO date: ${iso}`);
  return day;
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const DAYS_PER_YEAR = 365.25;
