import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { checkEligibility, type Applicant } from './eligibility';

const policy = defaultPolicyCatalog().byId('2016-current');
const today = '2026-11-24';
const applicant = (over: Partial<Applicant> = {}): Applicant => ({
  birthDate: '2000-05-01',
  education: 'bachelor',
  major: 'social-work',
  freshGraduate: true,
  certificates: [],
  communityYears: 0,
  ...over,
});

describe('checkEligibility', () => {
  it('REC-4 a 26-year-old social-work graduate is eligible and meets both preferences', () => {
    const d = checkEligibility(policy, applicant(), {}, today);
    expect(d.value).toMatchObject({ eligible: true, age: 26, hardFailures: [], preferenceRank: 2 });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['REC-4']);
  });

  it('REC-4 education below junior college is a hard failure', () => {
    expect(checkEligibility(policy, applicant({ education: 'below-junior-college' }), {}, today).value).toMatchObject({
      eligible: false,
      hardFailures: ['education-floor'],
    });
  });

  it('REC-4 junior college is enough', () => {
    expect(checkEligibility(policy, applicant({ education: 'junior-college' }), {}, today).value.eligible).toBe(true);
  });

  it('REC-4 an applicant from society needs the junior social-worker certificate', () => {
    const without = checkEligibility(policy, applicant({ freshGraduate: false }), {}, today).value;
    expect(without.hardFailures).toEqual(['non-graduate-certificate']);
    const withCert = checkEligibility(policy, applicant({ freshGraduate: false, certificates: ['junior-social-worker'] }), {}, today).value;
    expect(withCert.eligible).toBe(true);
    // "At least" the junior certificate: a higher one also counts.
    expect(
      checkEligibility(policy, applicant({ freshGraduate: false, certificates: ['intermediate-social-worker'] }), {}, today).value.eligible,
    ).toBe(true);
    expect(
      checkEligibility(policy, applicant({ freshGraduate: false, certificates: ['psychological-counsellor'] }), {}, today).value.eligible,
    ).toBe(false);
  });

  it('REC-4 being 35 or older is never a rejection, only a lost preference', () => {
    const d = checkEligibility(policy, applicant({ birthDate: '1985-01-01', major: 'history' }), {}, today).value;
    expect(d).toMatchObject({ eligible: true, age: 41, preferenceRank: 0 });
    expect(d.preferences).toEqual([
      { code: 'age-under-limit', rule: 'REC-4', met: false },
      { code: 'preferred-major', rule: 'REC-4', met: false },
    ]);
  });

  it('REC-4 the day before the 35th birthday still counts as under 35', () => {
    expect(checkEligibility(policy, applicant({ birthDate: '1991-11-25' }), {}, today).value.preferences[0]!.met).toBe(true);
    expect(checkEligibility(policy, applicant({ birthDate: '1991-11-24' }), {}, today).value.preferences[0]!.met).toBe(false);
  });

  it('REC-4 45+ with 10+ years of community work relaxes education and certificate', () => {
    const older = applicant({ birthDate: '1978-03-01', education: 'below-junior-college', freshGraduate: false, communityYears: 12 });
    const d = checkEligibility(policy, older, {}, today).value;
    expect(d).toMatchObject({ eligible: true, relaxationApplies: true, hardFailures: [] });
    expect(d.requirements.filter((q) => q.relaxed).map((q) => q.code)).toEqual(['education-floor', 'non-graduate-certificate']);
    // Too little experience: no relaxation.
    expect(checkEligibility(policy, { ...older, communityYears: 5 }, {}, today).value.eligible).toBe(false);
  });

  it('REC-5 a specialist post admits only holders of its qualification, relaxation or not', () => {
    const post = { requiredQualification: 'fire-safety' };
    expect(checkEligibility(policy, applicant(), post, today).value.hardFailures).toEqual(['specialist-qualification']);
    expect(checkEligibility(policy, applicant({ certificates: ['fire-safety'] }), post, today).value.eligible).toBe(true);
    const older = applicant({ birthDate: '1970-01-01', communityYears: 20, freshGraduate: false });
    const d = checkEligibility(policy, older, post, today);
    expect(d.value.hardFailures).toEqual(['specialist-qualification']);
    expect(d.explanation.rules.map((r) => r.id)).toContain('REC-5');
  });

  it('REC-4 rejects a malformed birth date naming the field', () => {
    expect(() => checkEligibility(policy, applicant({ birthDate: '2000-02-30' }), {}, today)).toThrow(/^birthDate: /);
  });
});
