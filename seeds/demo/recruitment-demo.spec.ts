import { checkNationalId } from '@cwp/policy';
import { addDays, demoOpening, planDemoApplicants, DEMO_RECRUITMENT_DISTRICT } from './recruitment-demo';

describe('the demo recruitment campaign (issue 9 demo state)', () => {
  const today = '2026-12-02';

  it('REC-1 plans at most two posts a street, never more than its vacancies, on the three streets given', () => {
    const opening = demoOpening(today, [
      { unitCode: '310101002', vacancies: 9 },
      { unitCode: '310101013', vacancies: 1 },
      { unitCode: '310101015', vacancies: 4 },
      { unitCode: '310101017', vacancies: 8 },
    ]);
    expect(opening.districtCode).toBe(DEMO_RECRUITMENT_DISTRICT);
    expect(opening.posts.map((p) => [p.streetCode, p.count])).toEqual([
      ['310101002', 2],
      ['310101013', 1],
      ['310101015', 2],
    ]);
  });

  it('has its registration open today and its dates in the order of the phases', () => {
    const o = demoOpening(today, [{ unitCode: '310101002', vacancies: 3 }]);
    const dates = [o.registrationOpensOn, o.registrationClosesOn, o.internshipStartsOn, o.internshipEndsOn, o.writtenExamOn, o.interviewOn];
    expect(o.registrationOpensOn < today && today < o.registrationClosesOn).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
  });

  it('makes the same synthetic applicants on every run (a rerun finds them registered), each with a valid GB 11643 number', () => {
    const first = planDemoApplicants(36, ['p1', 'p2', 'p3']);
    expect(planDemoApplicants(36, ['p1', 'p2', 'p3'])).toEqual(first);
    expect(new Set(first.map((a) => a.nationalId)).size).toBe(36);
    for (const a of first) expect(checkNationalId(a.nationalId, new Date('2026-12-02T00:00:00Z')).valid).toBe(true);
    expect(first.every((a) => a.name.startsWith('演示'))).toBe(true);
    expect(new Set(first.map((a) => a.postId))).toEqual(new Set(['p1', 'p2', 'p3']));
    // A mix the rules speak to: fresh graduates, a 45+ applicant (REC-4 relaxation), one below the education floor.
    expect(first.some((a) => a.freshGraduate)).toBe(true);
    expect(first.some((a) => a.nationalId.slice(6, 10) === '1978')).toBe(true);
    expect(first.some((a) => a.education === 'below-junior-college')).toBe(true);
    // REC-4: most applicants from society hold the junior social-worker certificate, a few do not.
    const society = first.filter((a) => !a.freshGraduate);
    expect(society.filter((a) => a.certificates?.includes('junior-social-worker')).length).toBeGreaterThan(society.length / 2);
    expect(society.some((a) => a.certificates?.length === 0)).toBe(true);
  });

  it('refuses to plan applicants for a campaign without posts', () => {
    expect(() => planDemoApplicants(3, [])).toThrow('no posts');
  });
});
