/**
 * Small builders for talent-pool tests (STYLE.md: data from builders, not shared fixtures).
 * Outside src/, so never part of the build; specs import it directly.
 */
import { nationalIdCheckChar } from '@cwp/policy';
import type { RegisterEntryDto } from '../src/entries/entry.dto';

// A random start, then consecutive: 1,000 IDs per birth date and area before one repeats in a
// process (a fresh random draw per ID collided now and then, answering 409 DUPLICATE in a spec).
let serial = Math.floor(Math.random() * 1000);

/** A valid GB 11643 number with a fresh sequence part; `x` check characters occur naturally. */
export function newNationalId(birth = '19950101', area = '310104'): string {
  serial = (serial + 1) % 1000;
  const first17 = `${area}${birth}${String(serial).padStart(3, '0')}`;
  return first17 + nationalIdCheckChar(first17);
}

export function newRegistration(overrides: Partial<RegisterEntryDto> = {}): RegisterEntryDto {
  return {
    name: '李四',
    nationalId: newNationalId(),
    phone: '13912345678',
    source: 'student',
    education: 'bachelor',
    major: 'social-work',
    certificates: [],
    holdingUnit: '310104003',
    ...overrides,
  };
}
