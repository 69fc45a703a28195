/** Day arithmetic on ISO dates (UTC, no clock): the generator is a pure function of its inputs. */
const DAY_MS = 86_400_000;

export function isoToDay(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${iso}`);
  return Math.floor(ms / DAY_MS);
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole years from one day to another (by average year length: good enough for seed data). */
export function yearsBetween(fromDay: number, toDay: number): number {
  return Math.floor((toDay - fromDay) / 365.25);
}

export const DAYS_PER_YEAR = 365.25;
