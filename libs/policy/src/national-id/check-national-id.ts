import { invalidInput } from '../explain/policy-error';

/**
 * GB 11643-1999 citizen identity number (公民身份号码): 6-digit address code, 8-digit birth date
 * (YYYYMMDD), 3-digit sequence (odd = male, even = female) and one check character computed with
 * ISO 7064 MOD 11-2. Messages never contain the number itself.
 */
export type NationalIdProblem = 'format' | 'check-digit' | 'birth-date';

export type NationalIdCheck =
  | { valid: true; normalized: string; birthDate: string; sex: 'male' | 'female' }
  | { valid: false; problem: NationalIdProblem; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for (weighted sum mod 11) = 0..10. */
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;
/** Birth years before this are treated as typing errors, not as living applicants. */
export const EARLIEST_BIRTH_YEAR = 1900;
/** Identity numbers are issued in China: "today" is the calendar date in UTC+8. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function nationalIdCheckChar(first17Digits: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17Digits.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function chinaDateKey(today: Date): string {
  return new Date(today.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function checkNationalId(value: string, today: Date): NationalIdCheck {
  if (!(today instanceof Date) || Number.isNaN(today.getTime())) throw invalidInput('today', 'must be a valid Date');
  if (typeof value !== 'string') return { valid: false, problem: 'format', message: 'nationalId must be a string' };
  const normalized = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return {
      valid: false,
      problem: 'format',
      message: 'nationalId must be 18 characters: 17 digits followed by a digit or X',
    };
  }
  if (nationalIdCheckChar(normalized) !== normalized[17]) {
    return { valid: false, problem: 'check-digit', message: 'nationalId check character does not match (GB 11643-1999)' };
  }
  const year = Number(normalized.slice(6, 10));
  const month = Number(normalized.slice(10, 12));
  const day = Number(normalized.slice(12, 14));
  if (!isRealDate(year, month, day)) {
    return { valid: false, problem: 'birth-date', message: 'nationalId birth date is not a real calendar date' };
  }
  if (year < EARLIEST_BIRTH_YEAR) {
    return { valid: false, problem: 'birth-date', message: `nationalId birth year is before ${EARLIEST_BIRTH_YEAR}` };
  }
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (birthDate > chinaDateKey(today)) {
    return { valid: false, problem: 'birth-date', message: 'nationalId birth date is in the future' };
  }
  const sex = Number(normalized[16]) % 2 === 1 ? 'male' : 'female';
  return { valid: true, normalized, birthDate, sex };
}
