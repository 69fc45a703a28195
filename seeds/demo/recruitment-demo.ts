/**
 * The demo city's recruitment (issue 9 demo state; the process of issue 10): one campaign of 黄浦区
 * in flight, its posts in the three streets with most vacancies (as the recruitment service knows
 * them from the workforce service's staffing events), a few dozen synthetic applicants entered by
 * the district's operator, screened and now in the pre-exam internship (REC-1, REC-6). Everything
 * goes through the recruitment API, so the service's workflow, eligibility (REC-4/5) and
 * explanations are real; the applicants are synthetic (names marked 演示, national IDs built by
 * the platform's synthetic GB 11643 builder), never a real person's.
 */
import { testing } from '@cwp/platform';
import type { EducationLevel } from '@cwp/policy';

export const DEMO_RECRUITMENT_DISTRICT = '310101';
export const DEMO_RECRUITMENT_STREETS = 3;
export const DEMO_APPLICANTS = 36;
/** Posts per street, at most the street's vacancies (REC-1: planned posts never exceed them). */
const POSTS_PER_STREET = 2;

export interface StreetVacancies {
  unitCode: string;
  vacancies: number;
}

export interface DemoApplicant {
  postId: string;
  name: string;
  nationalId: string;
  education: EducationLevel;
  major: string;
  freshGraduate: boolean;
  communityYears?: number;
  certificates?: string[];
}

/** `today` + `days` as YYYY-MM-DD (calendar days; the campaign's dates are plain dates). */
export function addDays(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The campaign opening: registration opened three weeks ago and closes in ten days, the internship
 * runs a month from next week, then the written exam and the interview. The round is the first of
 * the year of its registration (REC-2).
 */
export function demoOpening(today: string, streets: StreetVacancies[]) {
  const posts = streets
    .slice(0, DEMO_RECRUITMENT_STREETS)
    .map((s) => ({ streetCode: s.unitCode, postCategory: 'staff', count: Math.min(POSTS_PER_STREET, s.vacancies) }))
    .filter((p) => p.count > 0);
  return {
    districtCode: DEMO_RECRUITMENT_DISTRICT,
    round: 1,
    registrationOpensOn: addDays(today, -21),
    registrationClosesOn: addDays(today, 10),
    internshipStartsOn: addDays(today, 14),
    internshipEndsOn: addDays(today, 44),
    writtenExamOn: addDays(today, 54),
    interviewOn: addDays(today, 64),
    posts,
  };
}

const EDUCATION: readonly EducationLevel[] = ['bachelor', 'bachelor', 'master', 'junior-college', 'bachelor', 'below-junior-college'];
const MAJORS = ['social-work', 'law', 'public-administration', 'psychology', 'accounting', 'chinese'] as const;

/**
 * `count` synthetic applicants spread over the posts, deterministic (the same people on every
 * run, so a second `npm run up` finds them already registered: one application per person).
 * A mix the eligibility rules have something to say about: fresh graduates under 35, people with
 * community years and the junior social-worker certificate, a 45+ applicant (the relaxation,
 * REC-4), and a few the rules refuse with the rule and the field (below the education floor, an
 * applicant from society without the certificate).
 */
export function planDemoApplicants(count: number, postIds: string[]): DemoApplicant[] {
  if (postIds.length === 0) throw new Error('the demo campaign has no posts');
  return Array.from({ length: count }, (_, i) => {
    const birthYear = i % 9 === 4 ? 1978 : 1992 + (i % 10);
    const birthDate = `${birthYear}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 27)).padStart(2, '0')}`;
    const fresh = i % 3 === 0 && birthYear >= 1998;
    return {
      postId: postIds[i % postIds.length]!,
      name: `演示申请人${String(i + 1).padStart(2, '0')}`,
      nationalId: testing.syntheticNationalId(birthDate, String(100 + i).padStart(3, '0'), DEMO_RECRUITMENT_DISTRICT),
      education: EDUCATION[i % EDUCATION.length]!,
      major: MAJORS[i % MAJORS.length]!,
      freshGraduate: fresh,
      // REC-4: an applicant from society needs the junior social-worker certificate; a few lack it.
      ...(fresh ? {} : { communityYears: i % 6, certificates: i % 7 === 5 ? [] : ['junior-social-worker'] }),
    };
  });
}
