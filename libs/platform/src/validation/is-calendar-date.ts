import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate, shanghaiDate } from '@cwp/policy';

/** Earliest and latest day any date field accepts: birth dates to plan years, never 0000 or 9999. */
export const CALENDAR_DATE_RANGE = { min: '1900-01-01', max: '2199-12-31' } as const;

/** A day that exists, written `YYYY-MM-DD` (2026-02-30 is refused), between 1900 and 2199. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isPlausibleDate(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'date'} must be a calendar date YYYY-MM-DD between ${CALENDAR_DATE_RANGE.min} and ${CALENDAR_DATE_RANGE.max}`,
      },
    },
    options,
  );
}

export function isPlausibleDate(value: unknown): value is string {
  return typeof value === 'string' && isCalendarDate(value) && value >= CALENDAR_DATE_RANGE.min && value <= CALENDAR_DATE_RANGE.max;
}

/**
 * The window an effective date (a transfer, exit, promotion, leave, return or join taking effect)
 * must fall in, around today in Shanghai: `EFFECTIVE_DATE_PAST_DAYS` back (default 731) and
 * `EFFECTIVE_DATE_FUTURE_DAYS` ahead (default 366). Issue 8, defect 5: `9999-12-31` was accepted
 * and a transfer and an exit took effect at once.
 */
export function effectiveDateWindow(now: Date = new Date(), env: NodeJS.ProcessEnv = process.env): { from: string; to: string } {
  const days = (name: string, fallback: number): number => {
    const n = Number(env[name]);
    return Number.isInteger(n) && n >= 0 && n <= 36_600 ? n : fallback;
  };
  const shift = (d: number) => shanghaiDate(new Date(now.getTime() + d * 86_400_000));
  return { from: shift(-days('EFFECTIVE_DATE_PAST_DAYS', 731)), to: shift(days('EFFECTIVE_DATE_FUTURE_DAYS', 366)) };
}

/** A calendar date inside `effectiveDateWindow()`; the message names the window. */
export function IsEffectiveDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => {
          if (!isPlausibleDate(value)) return false;
          const { from, to } = effectiveDateWindow();
          return value >= from && value <= to;
        },
        defaultMessage: (args) => {
          const { from, to } = effectiveDateWindow();
          return `${args?.property ?? 'date'} must be a calendar date YYYY-MM-DD from ${from} to ${to}`;
        },
      },
    },
    options,
  );
}
