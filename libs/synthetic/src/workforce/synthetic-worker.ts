/**
 * Builds one synthetic worker from (seed, unit, slot) alone, so any worker can be regenerated
 * without the others. Attributes hang together: titles need years of service, education follows
 * age (REC-4's junior-college threshold, relaxed for older workers), levels rise with service,
 * education and title (POST-1, PAY-2), certificates follow titles (REC-4, REC-5).
 */
import { bellBetween, intBetween, pick, randomFor, weighted, type Random } from '../prng';
import { dayToIso, DAYS_PER_YEAR } from '../seed-dates';
import { syntheticWorkerId } from './synthetic-worker-id';
import { syntheticName } from './synthetic-names';
import type { StaffingUnit } from './workforce.allocation';
import { entryRouteFor, postForSlot, titleFor, type PostAssignment } from './worker-post';
import {
  OTHER_MAJORS,
  PREFERRED_MAJORS,
  type Certificate,
  type CertificateType,
  type Education,
  type Gender,
  type SyntheticWorker,
  type Title,
  type WorkerRole,
} from './workforce.types';

const AGE: Readonly<Record<WorkerRole, [mean: number, spread: number]>> = {
  head: [47, 6],
  manager: [42, 7],
  supervisor: [41, 7],
  specialist: [36, 7],
  staff: [34, 8],
};
/** Retirement ages (women earlier), so nobody is past working age (ORG-1). */
const MAX_AGE: Readonly<Record<Gender, number>> = { female: 57, male: 60 };
const MIN_AGE_FOR_TITLE: Readonly<Record<Title, number>> = { none: 22, junior: 22, intermediate: 27, senior: 36 };
const MIN_SERVICE_FOR_TITLE: Readonly<Record<Title, number>> = { none: 0, junior: 1, intermediate: 4, senior: 10 };
const MIN_SERVICE_FOR_ROLE: Readonly<Record<WorkerRole, number>> = { head: 5, manager: 3, supervisor: 3, specialist: 1, staff: 0 };
const HIRE_AGE: Readonly<Record<Education, number>> = {
  'below-junior-college': 19,
  'junior-college': 21,
  bachelor: 22,
  master: 25,
  doctorate: 28,
};
const EDUCATION_LEVEL_BONUS: Readonly<Record<Education, number>> = {
  'below-junior-college': 0,
  'junior-college': 1,
  bachelor: 2,
  master: 4,
  doctorate: 5,
};
const TITLE_LEVEL_BONUS: Readonly<Record<Title, number>> = { none: 0, junior: 1, intermediate: 2, senior: 4 };
const CATEGORY_LEVEL_BONUS = { head: 3, manager: 1, staff: 0 } as const;

export function syntheticWorker(seed: number, unit: StaffingUnit, slot: number, asOfDay: number): SyntheticWorker {
  const random = randomFor(seed, `${unit.code}:${slot}`);
  // The id is built from (seed, unit, slot), not drawn: four draws are skipped where the id used
  // to be drawn, so every other attribute stays what earlier generations gave.
  for (let skipped = 0; skipped < 4; skipped++) random();
  const id = syntheticWorkerId(seed, unit.code, slot);
  const post = postForSlot(unit, slot, random);
  const entryRoute = entryRouteFor(post, unit.placement, random);
  const title = titleFor(post.role, random);
  const gender: Gender = random() < (post.role === 'head' ? 0.6 : 0.7) ? 'female' : 'male';

  let age = bellBetween(random, AGE[post.role][0], AGE[post.role][1], 22, MAX_AGE[gender]);
  if (age < MIN_AGE_FOR_TITLE[title]) age = MIN_AGE_FOR_TITLE[title] + intBetween(random, 0, 6);
  const education = educationFor(age, entryRoute, random);
  const minService = Math.max(MIN_SERVICE_FOR_TITLE[title], MIN_SERVICE_FOR_ROLE[post.role]);
  age = Math.min(MAX_AGE[gender], Math.max(age, HIRE_AGE[education] + minService));
  const maxService = Math.max(minService, age - HIRE_AGE[education]);
  // Skewed towards shorter service: many join mid-career or leave early (QUOTA-6 turnover).
  const service = minService + Math.floor((maxService - minService) * random() ** 1.6);

  const birthDay = asOfDay - Math.floor(age * DAYS_PER_YEAR) - intBetween(random, 0, 364);
  const earliestHire = birthDay + Math.ceil(HIRE_AGE[education] * DAYS_PER_YEAR);
  const hireDay = Math.min(asOfDay - 1, Math.max(earliestHire, asOfDay - Math.floor(service * DAYS_PER_YEAR) - intBetween(random, 0, 300)));
  const serviceYears = Math.floor((asOfDay - hireDay) / DAYS_PER_YEAR);

  const level =
    1 +
    EDUCATION_LEVEL_BONUS[education] +
    Math.floor(serviceYears * 0.45) +
    TITLE_LEVEL_BONUS[title] +
    CATEGORY_LEVEL_BONUS[post.postCategory] +
    intBetween(random, 0, 1);

  return {
    id,
    employeeNo: `${unit.code}-${String(slot + 1).padStart(3, '0')}`,
    name: syntheticName(random, gender),
    gender,
    birthDate: dayToIso(birthDay),
    unitCode: unit.code,
    streetCode: unit.streetCode,
    districtCode: unit.districtCode,
    region: unit.region,
    placement: unit.placement,
    centre: post.centre,
    entryRoute,
    postCategory: post.postCategory,
    postLevel: Math.min(18, Math.max(1, level)),
    postRole: post.postRole,
    role: post.role,
    title,
    education,
    major: education === 'below-junior-college' ? null : majorFor(random),
    hireDate: dayToIso(hireDay),
    certificates: certificatesFor({ title, entryRoute, post, random, birthDay, hireDay, asOfDay }),
    status: random() < 0.04 ? 'leave' : 'on-duty',
    synthetic: true,
  };
}

/** REC-4: junior college or above; below it (high school) only for older workers or elected members. */
function educationFor(age: number, entryRoute: SyntheticWorker['entryRoute'], random: Random): Education {
  const education: Education =
    age >= 45
      ? weighted(random, { 'below-junior-college': 14, 'junior-college': 46, bachelor: 36, master: 4, doctorate: 0 })
      : weighted(random, { 'below-junior-college': 2, 'junior-college': 34, bachelor: 54, master: 9.5, doctorate: 0.5 });
  return education === 'below-junior-college' && age < 45 && entryRoute === 'recruited' ? 'junior-college' : education;
}

/** REC-4's preferred majors make up a little over half. */
function majorFor(random: Random): string {
  return random() < 0.55 ? pick(random, PREFERRED_MAJORS) : pick(random, OTHER_MAJORS);
}

interface CertificateInput {
  title: Title;
  entryRoute: SyntheticWorker['entryRoute'];
  post: PostAssignment;
  random: Random;
  birthDay: number;
  hireDay: number;
  asOfDay: number;
}

function certificatesFor(input: CertificateInput): Certificate[] {
  const { title, entryRoute, post, random } = input;
  const types: CertificateType[] = [];
  const r = random();
  if (title === 'senior') types.push(r < 0.5 ? 'social-worker-senior' : 'social-worker-intermediate');
  else if (title === 'intermediate') types.push(r < 0.85 ? 'social-worker-intermediate' : 'social-worker-junior');
  else if (title === 'junior') {
    if (r < 0.85) types.push('social-worker-junior');
  }
  // REC-4: applicants from society need at least the junior certificate; elected members need none.
  else if (r < (entryRoute === 'recruited' ? 0.45 : 0.2)) types.push('social-worker-junior');
  if (random() < 0.06) types.push('psychological-counsellor');
  if (post.role === 'specialist') {
    // POST-4 / REC-5: specialist posts need the matching qualification.
    if (post.centre === 'grid-management') types.push(random() < 0.6 ? 'work-safety-inspection' : 'fire-safety');
    else if (post.centre === 'comprehensive-governance' || random() < 0.35) types.push('fire-safety');
  }
  const earliest = Math.max(input.birthDay + Math.ceil(20 * DAYS_PER_YEAR), input.hireDay - 3 * 365);
  return types
    .map((type) => ({ type, obtainedOn: dayToIso(intBetween(random, earliest, input.asOfDay - 1)) }))
    .sort((a, b) => (a.obtainedOn < b.obtainedOn ? -1 : a.obtainedOn > b.obtainedOn ? 1 : 0));
}
