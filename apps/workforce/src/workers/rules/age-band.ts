import { addMonths } from '@cwp/policy';

/**
 * Age bands of the roster filter, the same as the QUOTA-6 staffing report's (reports/report.sql.ts:
 * under 30, 30–39, 40–49, 50 and over), so a list filtered by band adds up to the report's figure.
 * Ages are whole years on `today` (a Shanghai calendar date).
 */
export const AGE_BANDS = ['under-30', '30-39', '40-49', '50-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const BOUNDS: Readonly<Record<AgeBand, { minAge: number; maxAge: number | null }>> = {
  'under-30': { minAge: 0, maxAge: 29 },
  '30-39': { minAge: 30, maxAge: 39 },
  '40-49': { minAge: 40, maxAge: 49 },
  '50-plus': { minAge: 50, maxAge: null },
};

/** Birth dates of the band as a half-open range: `bornAfter < birth_date <= bornOnOrBefore`. */
export interface BirthDateRange {
  /** Exclusive lower bound; null = no lower bound. */
  bornAfter: string | null;
  /** Inclusive upper bound; null = no upper bound. */
  bornOnOrBefore: string | null;
}

/** The day a person turns `years` on or before `today` has their birthday `years` ago (29 Feb → 28 Feb). */
function birthdayYearsAgo(today: string, years: number): string {
  return addMonths(today, -12 * years);
}

export function birthDateRange(band: AgeBand, today: string): BirthDateRange {
  const { minAge, maxAge } = BOUNDS[band];
  // Aged >= minAge ⇔ born on or before today minus minAge years.
  const bornOnOrBefore = minAge === 0 ? null : birthdayYearsAgo(today, minAge);
  // Aged <= maxAge ⇔ not yet maxAge + 1 ⇔ born after today minus (maxAge + 1) years.
  const bornAfter = maxAge === null ? null : birthdayYearsAgo(today, maxAge + 1);
  return { bornAfter, bornOnOrBefore };
}

/** The band of a birth date on `today` (used by the response and to test the range above). */
export function ageBandOf(birthDate: string, today: string): AgeBand {
  for (const band of AGE_BANDS) {
    const { bornAfter, bornOnOrBefore } = birthDateRange(band, today);
    if ((bornAfter === null || birthDate > bornAfter) && (bornOnOrBefore === null || birthDate <= bornOnOrBefore)) return band;
  }
  throw new Error(`birth date ${birthDate} is after ${today}`);
}

/** Whole years of age on `today`, for responses. */
export function ageOn(birthDate: string, today: string): number {
  let age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (today.slice(5) < birthDate.slice(5)) age -= 1;
  return age;
}
