import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import type { RuleId } from '../explain/rules';
import { isCalendarDate, wholeYearsBetween } from '../parameters/date-math';
import { EDUCATION_LEVELS, type EducationLevel, type PolicyVersion } from '../parameters/policy-version';
import { holdsAtLeast } from './certificates';

export interface Applicant {
  /** YYYY-MM-DD (from the checked national ID, never the ID itself). */
  readonly birthDate: string;
  readonly education: EducationLevel;
  /** Major as a code, e.g. `social-work` (compared with `recruitment.preferredMajors`). */
  readonly major?: string;
  /** A fresh graduate (应届毕业生); everyone else applies "from society". */
  readonly freshGraduate: boolean;
  /** Certificates and qualifications held, as codes, e.g. `junior-social-worker`, `fire-safety`. */
  readonly certificates: readonly string[];
  /** Years of front-line community work (社区一线工作经历). */
  readonly communityYears: number;
}

export interface PostRequirement {
  /** REC-5/POST-4: a specialist post admits only holders of this qualification (e.g. `fire-safety`). */
  readonly requiredQualification?: string;
}

export type HardRequirement = 'education-floor' | 'non-graduate-certificate' | 'specialist-qualification';
export type Preference = 'age-under-limit' | 'preferred-major';

export interface RequirementResult<C extends string> {
  readonly code: C;
  readonly rule: RuleId;
  readonly met: boolean;
  /** A requirement not met but waived by the REC-4 relaxation for experienced applicants. */
  readonly relaxed?: boolean;
}

export interface Eligibility {
  readonly eligible: boolean;
  readonly age: number;
  /** Requirements not met: any one makes the applicant ineligible. */
  readonly hardFailures: readonly HardRequirement[];
  readonly requirements: readonly RequirementResult<HardRequirement>[];
  /** Preferences never reject: they rank, as a bonus or a tie-breaker. */
  readonly preferences: readonly RequirementResult<Preference>[];
  /** Number of preferences met: sort eligible applicants by it on equal scores. */
  readonly preferenceRank: number;
  /** REC-4: 45+ with long community experience, so education and certificate thresholds were relaxed. */
  readonly relaxationApplies: boolean;
}

/**
 * REC-4 and REC-5: may this applicant sit the exam for this post, and what counts in their favour.
 * Hard: junior college or above; a non-graduate holds the junior social-worker certificate; a
 * specialist post's qualification. The 45+/long-experience relaxation waives the first two, never
 * the specialist qualification (REC-5 "admits only"). Preferences (under 35, preferred major for
 * fresh graduates) only rank.
 */
export function checkEligibility(policy: PolicyVersion, applicant: Applicant, post: PostRequirement, today: string): Decision<Eligibility> {
  if (!isCalendarDate(applicant.birthDate)) throw invalidInput('birthDate', 'must be a calendar date YYYY-MM-DD', 'REC-4');
  if (!isCalendarDate(today)) throw invalidInput('today', 'must be a calendar date YYYY-MM-DD');
  if (!EDUCATION_LEVELS.includes(applicant.education))
    throw invalidInput('education', `must be one of ${EDUCATION_LEVELS.join(', ')}`, 'REC-4');
  if (!(applicant.communityYears >= 0)) throw invalidInput('communityYears', 'must be a non-negative number', 'REC-4');
  const r = policy.recruitment;
  const age = wholeYearsBetween(applicant.birthDate, today);
  const ex = new ExplanationBuilder(
    {
      age,
      education: applicant.education,
      major: applicant.major ?? null,
      freshGraduate: applicant.freshGraduate,
      certificates: applicant.certificates,
      communityYears: applicant.communityYears,
      post,
    },
    policy.id,
  );
  const relaxationApplies = age >= r.relaxedFromAge && applicant.communityYears >= r.relaxedMinCommunityYears;
  if (relaxationApplies) {
    ex.step(
      'REC-4',
      `Aged ${age} (≥ ${r.relaxedFromAge}) with ${applicant.communityYears} years of community work (≥ ${r.relaxedMinCommunityYears}): thresholds relaxed`,
      true,
    );
  }

  const requirements: RequirementResult<HardRequirement>[] = [];
  const educationMet = EDUCATION_LEVELS.indexOf(applicant.education) >= EDUCATION_LEVELS.indexOf(r.educationFloor);
  requirements.push(hard('education-floor', 'REC-4', educationMet, relaxationApplies));
  ex.step(
    'REC-4',
    `Education ${applicant.education} against the floor ${r.educationFloor}: ${verdict(educationMet, relaxationApplies)}`,
    educationMet,
  );

  if (!applicant.freshGraduate) {
    const has = holdsAtLeast(applicant.certificates, r.nonGraduateCertificate);
    requirements.push(hard('non-graduate-certificate', 'REC-4', has, relaxationApplies));
    ex.step('REC-4', `Not a fresh graduate: needs ${r.nonGraduateCertificate} or higher: ${verdict(has, relaxationApplies)}`, has);
  }
  if (post.requiredQualification !== undefined) {
    const has = applicant.certificates.includes(post.requiredQualification);
    requirements.push(hard('specialist-qualification', 'REC-5', has, false));
    ex.step('REC-5', `Specialist post requires ${post.requiredQualification}: ${verdict(has, false)}`, has);
  }

  const preferences: RequirementResult<Preference>[] = [{ code: 'age-under-limit', rule: 'REC-4', met: age < r.preferredUnderAge }];
  ex.step(
    'REC-4',
    `Aged ${age}: ${age < r.preferredUnderAge ? '' : 'not '}under ${r.preferredUnderAge} (preference, ranks only)`,
    age < r.preferredUnderAge,
  );
  if (applicant.freshGraduate) {
    const met = applicant.major !== undefined && r.preferredMajors.includes(applicant.major);
    preferences.push({ code: 'preferred-major', rule: 'REC-4', met });
    ex.step('REC-4', `Major ${applicant.major ?? '(none)'}: ${met ? '' : 'not '}a preferred major (preference, ranks only)`, met);
  }

  const hardFailures = requirements.filter((q) => !q.met && !q.relaxed).map((q) => q.code);
  const value: Eligibility = {
    eligible: hardFailures.length === 0,
    age,
    hardFailures,
    requirements,
    preferences,
    preferenceRank: preferences.filter((p) => p.met).length,
    relaxationApplies,
  };
  return ex.decide(value);
}

function hard(code: HardRequirement, rule: RuleId, met: boolean, relaxable: boolean): RequirementResult<HardRequirement> {
  return !met && relaxable ? { code, rule, met, relaxed: true } : { code, rule, met };
}

function verdict(met: boolean, relaxed: boolean): string {
  if (met) return 'met';
  return relaxed ? 'not met, waived by the relaxation' : 'NOT met';
}
