import { FieldReader, join } from './field-reader';
import { checkWeightsSumToOne } from './parse-staffing-sections';
import {
  APPRAISAL_DIMENSIONS,
  POST_CATEGORIES,
  RATER_SOURCES,
  type AppraisalParameters,
  type PayMatrixParameters,
  type PayParameters,
  type PerformanceSharePhase,
  type PostCategory,
} from './policy-version';

/** PAY-3: the multiplier may lie anywhere in 1..1.5 times the reference wage, never outside. */
export const PAY_MULTIPLIER_LIMITS = { min: 1, max: 1.5 } as const;

export function parseAppraisal(r: FieldReader, raw: Record<string, unknown>, path: string): AppraisalParameters {
  r.onlyKeys(raw, path, ['dimensionWeights', 'raterWeights', 'gradeFloors']);
  const dPath = join(path, 'dimensionWeights');
  const d = r.child(raw, 'dimensionWeights', path);
  r.onlyKeys(d, dPath, APPRAISAL_DIMENSIONS);
  const dimensionWeights = Object.fromEntries(
    APPRAISAL_DIMENSIONS.map((k) => [k, r.number(d, k, dPath, { min: 0, max: 1 }, 'APPR-1')]),
  ) as AppraisalParameters['dimensionWeights'];
  checkWeightsSumToOne(r, dPath, dimensionWeights, 'APPR-1');
  const wPath = join(path, 'raterWeights');
  const w = r.child(raw, 'raterWeights', path);
  r.onlyKeys(w, wPath, RATER_SOURCES);
  const raterWeights = Object.fromEntries(
    RATER_SOURCES.map((k) => [k, r.number(w, k, wPath, { min: 0, max: 1 }, 'APPR-3')]),
  ) as AppraisalParameters['raterWeights'];
  checkWeightsSumToOne(r, wPath, raterWeights, 'APPR-3');
  const gPath = join(path, 'gradeFloors');
  const g = r.child(raw, 'gradeFloors', path);
  r.onlyKeys(g, gPath, ['excellent', 'qualified', 'basicallyQualified']);
  const gradeFloors = {
    excellent: r.number(g, 'excellent', gPath, { min: 0, max: 100 }, 'APPR-2'),
    qualified: r.number(g, 'qualified', gPath, { min: 0, max: 100 }, 'APPR-2'),
    basicallyQualified: r.number(g, 'basicallyQualified', gPath, { min: 0, max: 100 }, 'APPR-2'),
  };
  if (!(gradeFloors.excellent > gradeFloors.qualified && gradeFloors.qualified > gradeFloors.basicallyQualified)) {
    r.problem(gPath, 'floors must descend strictly: excellent > qualified > basicallyQualified', 'APPR-2');
  }
  return { dimensionWeights, raterWeights, gradeFloors };
}

function perCategory(r: FieldReader, raw: Record<string, unknown>, key: string, path: string, max: number): Record<PostCategory, number> {
  const p = join(path, key);
  const o = r.child(raw, key, path);
  r.onlyKeys(o, p, POST_CATEGORIES);
  return Object.fromEntries(POST_CATEGORIES.map((c) => [c, r.number(o, c, p, { min: 0, max, integer: true }, 'PAY-2')])) as Record<
    PostCategory,
    number
  >;
}

function parseMatrix(r: FieldReader, raw: Record<string, unknown>, path: string): PayMatrixParameters {
  r.onlyKeys(raw, path, ['level1MonthlyFen', 'levelStepFen', 'stepWideningPerBand', 'serviceBandYears']);
  return {
    level1MonthlyFen: perCategory(r, raw, 'level1MonthlyFen', path, 100_000_000),
    levelStepFen: perCategory(r, raw, 'levelStepFen', path, 10_000_000),
    stepWideningPerBand: r.number(raw, 'stepWideningPerBand', path, { min: 0, max: 2 }, 'PAY-2'),
    serviceBandYears: r.number(raw, 'serviceBandYears', path, { min: 1, max: 20, integer: true }, 'PAY-2'),
  };
}

function parseSharePhases(r: FieldReader, raw: Record<string, unknown>, path: string): PerformanceSharePhase[] {
  const p = join(path, 'performanceShare');
  const phases = r.array(raw, 'performanceShare', path, 'PAY-5').map((item, i) => {
    const ip = `${p}[${i}]`;
    const o = r.object(item, ip);
    r.onlyKeys(o, ip, ['fromYear', 'share']);
    return {
      fromYear: r.number(o, 'fromYear', ip, { min: 2000, max: 2200, integer: true }, 'PAY-5'),
      // A share above 100% of total pay is meaningless; 100% itself is allowed but odd.
      share: r.number(o, 'share', ip, { min: 0, max: 1 }, 'PAY-5'),
    };
  });
  for (let i = 1; i < phases.length; i++) {
    if (phases[i]!.fromYear <= phases[i - 1]!.fromYear) r.problem(`${p}[${i}].fromYear`, 'phases must ascend by year', 'PAY-5');
  }
  return phases;
}

export function parsePay(r: FieldReader, raw: Record<string, unknown>, path: string): PayParameters {
  r.onlyKeys(raw, path, [
    'wageReference',
    'baseYear',
    'band',
    'multiplier',
    'ceilingMultiplier',
    'remeasureEveryYears',
    'performanceShare',
    'performancePaidEvery',
    'performancePaidInMonth',
    'gradePerformanceWeights',
    'matrix',
  ]);
  const bPath = join(path, 'band');
  const b = r.child(raw, 'band', path);
  r.onlyKeys(b, bPath, ['min', 'max']);
  const band = {
    min: r.number(b, 'min', bPath, PAY_MULTIPLIER_LIMITS, 'PAY-3'),
    max: r.number(b, 'max', bPath, PAY_MULTIPLIER_LIMITS, 'PAY-3'),
  };
  if (band.max < band.min) r.problem(join(bPath, 'max'), `${band.max} is below min ${band.min}`, 'PAY-3');
  const multiplier = r.number(raw, 'multiplier', path, PAY_MULTIPLIER_LIMITS, 'PAY-3');
  if (multiplier < band.min || multiplier > band.max) {
    r.problem(join(path, 'multiplier'), `${multiplier} is outside the band ${band.min}..${band.max}`, 'PAY-3');
  }
  const ceilingMultiplier = r.number(raw, 'ceilingMultiplier', path, band, 'PAY-7');
  const gPath = join(path, 'gradePerformanceWeights');
  const g = r.child(raw, 'gradePerformanceWeights', path);
  r.onlyKeys(g, gPath, ['excellent', 'qualified', 'basically-qualified', 'unqualified']);
  const gradePerformanceWeights = {
    excellent: r.number(g, 'excellent', gPath, { min: 0, max: 10 }, 'PAY-5'),
    qualified: r.number(g, 'qualified', gPath, { min: 0, max: 10 }, 'PAY-5'),
    'basically-qualified': r.number(g, 'basically-qualified', gPath, { min: 0, max: 10 }, 'PAY-5'),
    unqualified: r.number(g, 'unqualified', gPath, { min: 0, max: 10 }, 'PAY-5'),
  };
  const gw = gradePerformanceWeights;
  if (!(gw.excellent > gw.qualified && gw.qualified > gw['basically-qualified'] && gw['basically-qualified'] >= gw.unqualified)) {
    r.problem(gPath, 'must descend: excellent > qualified > basically-qualified >= unqualified', 'PAY-5');
  }
  const performancePaidEvery = r.oneOf(raw, 'performancePaidEvery', path, ['quarter', 'year'] as const, 'PAY-5');
  if (performancePaidEvery === 'quarter' && raw.performancePaidInMonth !== undefined && raw.performancePaidInMonth !== 12) {
    r.problem(
      join(path, 'performancePaidInMonth'),
      'applies to a yearly payment only; quarterly pay falls due in March, June, September and December',
      'PAY-5',
    );
  }
  return {
    wageReference: r.oneOf(raw, 'wageReference', path, ['base-year', 'previous-year'] as const, 'PAY-3'),
    baseYear: r.number(raw, 'baseYear', path, { min: 2000, max: 2200, integer: true }, 'PAY-1'),
    band,
    multiplier,
    ceilingMultiplier,
    remeasureEveryYears: r.number(raw, 'remeasureEveryYears', path, { min: 1, max: 10, integer: true }, 'PAY-4'),
    performanceShare: parseSharePhases(r, raw, path),
    performancePaidEvery,
    // Optional: versions written before it pay a yearly performance share in December.
    performancePaidInMonth:
      raw.performancePaidInMonth === undefined
        ? 12
        : r.number(raw, 'performancePaidInMonth', path, { min: 1, max: 12, integer: true }, 'PAY-5'),
    gradePerformanceWeights,
    matrix: parseMatrix(r, r.child(raw, 'matrix', path), join(path, 'matrix')),
  };
}
