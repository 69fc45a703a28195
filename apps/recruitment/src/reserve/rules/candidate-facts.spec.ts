import { POOL_CERTIFICATES } from '@cwp/contracts';
import type { ReserveEntryRow } from '../reserve-entry.row';
import { candidateFacts } from './candidate-facts';

const entry = (over: Partial<ReserveEntryRow> & { birthDate?: string } = {}): ReserveEntryRow & { birthDate: string } => ({
  entryId: '0b7d3a52-4c55-4b1e-9a43-6f3f3f1d2a10',
  holdingUnit: '310115005',
  status: 'active' as const,
  source: 'student' as const,
  education: 'bachelor' as const,
  major: 'social-work' as const,
  certificates: [],
  expiresOn: '2028-01-01',
  endedOn: null,
  personRef: 'a'.repeat(64),
  birthDate: '2001-05-17',
  gender: 'female' as const,
  version: 1,
  ...over,
});

describe('an invited reserve entry’s facts for REC-4/REC-5 eligibility', () => {
  it('REC-4 a POOL-1 student applies as a fresh graduate; every other source from society', () => {
    expect(candidateFacts(entry()).freshGraduate).toBe(true);
    for (const source of ['social-worker', 'homemaker', 'other'] as const)
      expect(candidateFacts(entry({ source })).freshGraduate).toBe(false);
  });

  it('REC-4 the assistant social-worker title is the junior certificate; REC-5 qualifications keep their codes', () => {
    expect(candidateFacts(entry({ certificates: ['fire-safety', 'assistant-social-worker'] })).certificates).toEqual([
      'fire-safety',
      'junior-social-worker',
    ]);
    expect(candidateFacts(entry({ certificates: [...POOL_CERTIFICATES] })).certificates).toHaveLength(POOL_CERTIFICATES.length);
  });

  it('carries birth date, sex, education and major as the pool stated them', () => {
    expect(candidateFacts(entry({ major: null, education: 'junior-college' }))).toMatchObject({
      birthDate: '2001-05-17',
      gender: 'female',
      education: 'junior-college',
      major: null,
    });
  });
});
