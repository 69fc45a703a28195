/**
 * Builders for talent-pool tests (STYLE.md: data from builders, not shared fixtures). Test code
 * only: excluded from the build, imported by specs.
 */
import { testing } from '@cwp/platform';
import type { RegisterEntryDto } from '../entry.dto';
import type { NewEntryRow } from '../entry.row';

/** The platform's one national-ID builder: valid GB 11643, unique within the process. */
export const newNationalId = (): string => testing.newNationalId({ birthDate: '19950101' });

/** A valid registration request; override what the test is about. */
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

/** An active entry row as the service would insert it (no database); override what matters. */
export function newEntry(overrides: Partial<NewEntryRow> = {}): NewEntryRow {
  return {
    id: '0b7d3a52-4c55-4b1e-9a43-6f3f3f1d2a10',
    status: 'active',
    holdingUnit: '310104003',
    source: 'homemaker',
    education: 'junior-college',
    major: null,
    certificates: [],
    name: '赵六',
    nationalIdEnc: 'v1.aaaa.bbbb.cccc',
    nationalIdMasked: '3101**********123X',
    phoneEnc: 'v1.dddd.eeee.ffff',
    phoneMasked: '138****5678',
    personRef: 'f'.repeat(64),
    reserveMonths: 24,
    registeredOn: '2026-11-24',
    expiresOn: '2028-11-24',
    expiresAt: new Date('2028-11-23T16:00:00Z'),
    reminderDays: 30,
    remindedFor: null,
    endedOn: null,
    joinRoute: null,
    joinedWorkerId: null,
    withdrawReason: null,
    policyVersion: '2016-current',
    reserveExplanation: { period: { rules: [], inputs: {}, steps: [] }, schedule: { rules: [], inputs: {}, steps: [] } },
    workflowStartedAt: null,
    createdBy: 'alice',
    version: 1,
    ...overrides,
  };
}
