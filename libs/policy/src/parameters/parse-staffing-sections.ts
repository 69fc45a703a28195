import { FieldReader, join } from './field-reader';
import {
  EDUCATION_LEVELS,
  GRADES,
  TITLE_LEVELS,
  type ReserveCadreParameters,
  type PoolParameters,
  type PromotionParameters,
  type QuotaParameters,
  type RecruitmentParameters,
  type TrainingParameters,
} from './policy-version';

const WEIGHT_SUM_TOLERANCE = 1e-9;

export function checkWeightsSumToOne(
  r: FieldReader,
  path: string,
  weights: Record<string, number>,
  rule: Parameters<FieldReader['problem']>[2],
): void {
  const sum = Object.values(weights).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) r.problem(path, `weights sum to ${Number(sum.toFixed(9))}, not 1`, rule);
}

export function parseQuota(r: FieldReader, raw: Record<string, unknown>, path: string): QuotaParameters {
  r.onlyKeys(raw, path, ['areaMin', 'areaMax', 'extraAboveHouseholds', 'extraStepHouseholds', 'streetCentres', 'reviewMaxChange']);
  const areaMin = r.number(raw, 'areaMin', path, { min: 1, max: 50, integer: true }, 'QUOTA-1');
  const areaMax = r.number(raw, 'areaMax', path, { min: 1, max: 50, integer: true }, 'QUOTA-1');
  if (areaMax < areaMin) r.problem(join(path, 'areaMax'), `${areaMax} is below areaMin ${areaMin}`, 'QUOTA-1');
  const extraAboveHouseholds = r.number(raw, 'extraAboveHouseholds', path, { min: 1, max: 100_000, integer: true }, 'QUOTA-2');
  const stepPath = join(path, 'extraStepHouseholds');
  const step = r.child(raw, 'extraStepHouseholds', path);
  r.onlyKeys(step, stepPath, ['min', 'max']);
  // QUOTA-2 gives the step as 300–400 households: a version may narrow it, never leave it.
  const stepMin = r.number(step, 'min', stepPath, { min: 300, max: 400, integer: true }, 'QUOTA-2');
  const stepMax = r.number(step, 'max', stepPath, { min: 300, max: 400, integer: true }, 'QUOTA-2');
  if (stepMax < stepMin) r.problem(join(stepPath, 'max'), `${stepMax} is below min ${stepMin}`, 'QUOTA-2');
  return {
    areaMin,
    areaMax,
    extraAboveHouseholds,
    extraStepHouseholds: { min: stepMin, max: stepMax },
    streetCentres: r.number(raw, 'streetCentres', path, { min: 1, max: 1000, integer: true }, 'QUOTA-3'),
    reviewMaxChange: r.number(raw, 'reviewMaxChange', path, { min: 0, max: 5, integer: true }, 'QUOTA-5'),
  };
}

export function parseRecruitment(r: FieldReader, raw: Record<string, unknown>, path: string): RecruitmentParameters {
  r.onlyKeys(raw, path, [
    'roundsPerYear',
    'educationFloor',
    'preferredUnderAge',
    'relaxedFromAge',
    'relaxedMinCommunityYears',
    'preferredMajors',
    'nonGraduateCertificate',
    'scoreWeights',
    'publicityDays',
  ]);
  const majors = r.array(raw, 'preferredMajors', path, 'REC-4');
  majors.forEach((m, i) => {
    if (typeof m !== 'string' || m === '') r.problem(`${join(path, 'preferredMajors')}[${i}]`, 'must be a non-empty string', 'REC-4');
  });
  const wPath = join(path, 'scoreWeights');
  const w = r.child(raw, 'scoreWeights', path);
  r.onlyKeys(w, wPath, ['written', 'interview', 'internship']);
  const scoreWeights = {
    written: r.number(w, 'written', wPath, { min: 0, max: 1 }, 'REC-6'),
    interview: r.number(w, 'interview', wPath, { min: 0, max: 1 }, 'REC-6'),
    internship: r.number(w, 'internship', wPath, { min: 0, max: 1 }, 'REC-6'),
  };
  checkWeightsSumToOne(r, wPath, scoreWeights, 'REC-6');
  const preferredUnderAge = r.number(raw, 'preferredUnderAge', path, { min: 18, max: 65, integer: true }, 'REC-4');
  const relaxedFromAge = r.number(raw, 'relaxedFromAge', path, { min: 18, max: 65, integer: true }, 'REC-4');
  return {
    roundsPerYear: r.number(raw, 'roundsPerYear', path, { min: 1, max: 12, integer: true }, 'REC-2'),
    educationFloor: r.oneOf(raw, 'educationFloor', path, EDUCATION_LEVELS, 'REC-4'),
    preferredUnderAge,
    relaxedFromAge,
    relaxedMinCommunityYears: r.number(raw, 'relaxedMinCommunityYears', path, { min: 0, max: 40, integer: true }, 'REC-4'),
    preferredMajors: majors.filter((m): m is string => typeof m === 'string'),
    nonGraduateCertificate: r.string(raw, 'nonGraduateCertificate', path, undefined, 'REC-4'),
    scoreWeights,
    publicityDays: r.number(raw, 'publicityDays', path, { min: 1, max: 60, integer: true }, 'REC-7'),
  };
}

export function parsePool(r: FieldReader, raw: Record<string, unknown>, path: string): PoolParameters {
  r.onlyKeys(raw, path, ['reservePeriodMonths', 'expiryReminderDays']);
  const pPath = join(path, 'reservePeriodMonths');
  const p = r.child(raw, 'reservePeriodMonths', path);
  r.onlyKeys(p, pPath, ['min', 'max', 'default']);
  // POOL-2: one to two years. A version may narrow the bounds, never widen them.
  const min = r.number(p, 'min', pPath, { min: 12, max: 24, integer: true }, 'POOL-2');
  const max = r.number(p, 'max', pPath, { min: 12, max: 24, integer: true }, 'POOL-2');
  if (max < min) r.problem(join(pPath, 'max'), `${max} is below min ${min}`, 'POOL-2');
  const def = r.number(p, 'default', pPath, { min, max, integer: true }, 'POOL-2');
  const expiryReminderDays = r.number(raw, 'expiryReminderDays', path, { min: 0, max: 180, integer: true }, 'POOL-2');
  return { reservePeriodMonths: { min, max, default: def }, expiryReminderDays };
}

export function parsePromotion(r: FieldReader, raw: Record<string, unknown>, path: string): PromotionParameters {
  r.onlyKeys(raw, path, ['titleRatio', 'tolerance']);
  const rPath = join(path, 'titleRatio');
  const ratio = r.child(raw, 'titleRatio', path);
  r.onlyKeys(ratio, rPath, [...TITLE_LEVELS]);
  const titleRatio = {
    junior: r.number(ratio, 'junior', rPath, { min: 0, max: 100 }, 'PROM-3'),
    intermediate: r.number(ratio, 'intermediate', rPath, { min: 0, max: 100 }, 'PROM-3'),
    senior: r.number(ratio, 'senior', rPath, { min: 0, max: 100 }, 'PROM-3'),
  };
  if (titleRatio.junior + titleRatio.intermediate + titleRatio.senior <= 0) r.problem(rPath, 'must not be all zero', 'PROM-3');
  return { titleRatio, tolerance: r.number(raw, 'tolerance', path, { min: 0, max: 0.5 }, 'PROM-3') };
}

export function parseTraining(r: FieldReader, raw: Record<string, unknown>, path: string): TrainingParameters {
  r.onlyKeys(raw, path, ['minHoursPerYear', 'offJobEveryYears', 'fourOnesWithinYears', 'matureByYears']);
  return {
    minHoursPerYear: r.number(raw, 'minHoursPerYear', path, { min: 0, max: 2000 }, 'TRAIN-3'),
    offJobEveryYears: r.number(raw, 'offJobEveryYears', path, { min: 1, max: 10, integer: true }, 'TRAIN-4'),
    fourOnesWithinYears: r.number(raw, 'fourOnesWithinYears', path, { min: 1, max: 10, integer: true }, 'TRAIN-2'),
    matureByYears: r.number(raw, 'matureByYears', path, { min: 1, max: 20, integer: true }, 'TRAIN-2'),
  };
}

export function parseReserveCadre(r: FieldReader, raw: Record<string, unknown>, path: string): ReserveCadreParameters {
  r.onlyKeys(raw, path, ['underAge', 'minEducation', 'certificateFloor', 'minLastGrade']);
  return {
    underAge: r.number(raw, 'underAge', path, { min: 18, max: 65, integer: true }, 'REC-8'),
    minEducation: r.oneOf(raw, 'minEducation', path, EDUCATION_LEVELS, 'REC-8'),
    certificateFloor: r.string(raw, 'certificateFloor', path, undefined, 'REC-8'),
    minLastGrade: r.oneOf(raw, 'minLastGrade', path, GRADES, 'REC-8'),
  };
}
