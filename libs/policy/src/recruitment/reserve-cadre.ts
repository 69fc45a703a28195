import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { isCalendarDate, wholeYearsBetween } from '../parameters/date-math';
import { EDUCATION_LEVELS, GRADES, type EducationLevel, type Grade, type PolicyVersion } from '../parameters/policy-version';
import { holdsAtLeast } from './certificates';

export interface ReserveCadreCandidate {
  readonly birthDate: string;
  readonly education: EducationLevel;
  readonly certificates: readonly string[];
  /** Last yearly appraisal grade (APPR-2); absent for a worker not yet appraised. */
  readonly lastGrade?: Grade;
}

export type ReserveCadreCriterion = 'young' | 'well-educated' | 'titled' | 'capable';

export interface ReserveCadreCheck {
  readonly eligible: boolean;
  readonly age: number;
  readonly unmet: readonly ReserveCadreCriterion[];
}

/**
 * REC-8: may a worker be selected as a reserve cadre (candidate for party secretary or committee
 * director)? Young (under `reserveCadre.underAge`), well-educated, holding at least the assistant
 * social-worker certificate, and capable (last grade at least `minLastGrade`; no grade yet counts
 * as not shown). Selection itself stays with people; this only says who qualifies.
 */
export function checkReserveCadre(policy: PolicyVersion, c: ReserveCadreCandidate, today: string): Decision<ReserveCadreCheck> {
  if (!isCalendarDate(c.birthDate)) throw invalidInput('birthDate', 'must be a calendar date YYYY-MM-DD', 'REC-8');
  if (!isCalendarDate(today)) throw invalidInput('today', 'must be a calendar date YYYY-MM-DD');
  if (!EDUCATION_LEVELS.includes(c.education)) throw invalidInput('education', `must be one of ${EDUCATION_LEVELS.join(', ')}`, 'REC-8');
  const p = policy.reserveCadre;
  const age = wholeYearsBetween(c.birthDate, today);
  const checks: Record<ReserveCadreCriterion, boolean> = {
    young: age < p.underAge,
    'well-educated': EDUCATION_LEVELS.indexOf(c.education) >= EDUCATION_LEVELS.indexOf(p.minEducation),
    titled: holdsAtLeast(c.certificates, p.certificateFloor),
    capable: c.lastGrade !== undefined && GRADES.indexOf(c.lastGrade) <= GRADES.indexOf(p.minLastGrade),
  };
  const unmet = (Object.keys(checks) as ReserveCadreCriterion[]).filter((k) => !checks[k]);
  const ex = new ExplanationBuilder(
    { age, education: c.education, certificates: c.certificates, lastGrade: c.lastGrade ?? null },
    policy.id,
  )
    .step('REC-8', `Age ${age} under ${p.underAge}: ${checks.young ? 'yes' : 'no'}`, checks.young)
    .step(
      'REC-8',
      `Education ${c.education}, at least ${p.minEducation}: ${checks['well-educated'] ? 'yes' : 'no'}`,
      checks['well-educated'],
    )
    .step('REC-8', `Holds ${p.certificateFloor} or higher: ${checks.titled ? 'yes' : 'no'}`, checks.titled)
    .step('REC-8', `Last grade ${c.lastGrade ?? '(none)'}, at least ${p.minLastGrade}: ${checks.capable ? 'yes' : 'no'}`, checks.capable)
    .cite('APPR-2');
  return ex.decide({ eligible: unmet.length === 0, age, unmet });
}
