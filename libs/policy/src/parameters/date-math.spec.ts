import { addDays, addMonths, isCalendarDate, wholeYearsBetween } from './date-math';

describe('calendar arithmetic on YYYY-MM-DD', () => {
  it('recognises real calendar dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-2-1')).toBe(false);
    expect(isCalendarDate('not a date')).toBe(false);
  });

  it('POOL-2 adds months on the calendar, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-24', 24)).toBe('2028-11-24');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('adds and subtracts days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('REC-4 counts whole years: the birthday itself completes the year', () => {
    expect(wholeYearsBetween('1991-11-24', '2026-11-24')).toBe(35);
    expect(wholeYearsBetween('1991-11-25', '2026-11-24')).toBe(34);
    expect(wholeYearsBetween('2000-02-29', '2026-02-28')).toBe(25);
  });
});
