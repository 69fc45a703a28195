import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { requireNumber } from '../explain/require-input';
import { roundHalfAwayFromZero } from '../money/rounding';
import { POST_CATEGORIES, type PayMatrixParameters, type PolicyVersion, type PostCategory } from '../parameters/policy-version';

/** POST-1: three posts, eighteen levels. */
export const POST_LEVELS = 18;

export interface PostGrade {
  readonly category: PostCategory;
  /** 1..18 */
  readonly level: number;
  /** Completed years of service. */
  readonly yearsOfService: number;
}

/**
 * PAY-2: monthly base pay in fen, without explanation (the hot path of recalibration). The step
 * between levels widens with service: step = levelStep · (1 + widening · completed service bands),
 * rounded to the fen; pay = level-1 pay + (level − 1) · step.
 */
export function monthlyBasePayFen(matrix: PayMatrixParameters, category: PostCategory, level: number, yearsOfService: number): number {
  const bands = Math.floor(yearsOfService / matrix.serviceBandYears);
  const step = roundHalfAwayFromZero(matrix.levelStepFen[category] * (1 + matrix.stepWideningPerBand * bands));
  return matrix.level1MonthlyFen[category] + (level - 1) * step;
}

export function requirePostGrade(g: PostGrade, field = 'worker'): void {
  if (!POST_CATEGORIES.includes(g.category))
    throw invalidInput(`${field}.category`, `must be one of ${POST_CATEGORIES.join(', ')}`, 'POST-1');
  requireNumber(`${field}.level`, g.level, { min: 1, max: POST_LEVELS, integer: true }, 'POST-1');
  requireNumber(`${field}.yearsOfService`, g.yearsOfService, { min: 0, max: 60, integer: true }, 'PAY-2');
}

/** POST-1, PAY-2: one worker's monthly base pay, explained. */
export function monthlyBasePay(
  policy: PolicyVersion,
  grade: PostGrade,
): Decision<{ monthlyFen: number; stepFen: number; serviceBands: number }> {
  requirePostGrade(grade);
  const m = policy.pay.matrix;
  const serviceBands = Math.floor(grade.yearsOfService / m.serviceBandYears);
  const stepFen = roundHalfAwayFromZero(m.levelStepFen[grade.category] * (1 + m.stepWideningPerBand * serviceBands));
  const monthlyFen = monthlyBasePayFen(m, grade.category, grade.level, grade.yearsOfService);
  return new ExplanationBuilder({ ...grade }, policy.id)
    .step('POST-1', `Post ${grade.category}, level ${grade.level} of ${POST_LEVELS}`)
    .step(
      'PAY-2',
      `${serviceBands} completed service band(s) of ${m.serviceBandYears} years widen the level step to ${stepFen} fen`,
      stepFen,
    )
    .step(
      'PAY-2',
      `${m.level1MonthlyFen[grade.category]} + ${grade.level - 1} × ${stepFen} = ${monthlyFen} fen a month, paid monthly`,
      monthlyFen,
    )
    .decide({ monthlyFen, stepFen, serviceBands });
}

/** POST-1, PAY-2: the 3×18 matrix of monthly base pay (fen) for a given length of service. */
export function payMatrix(policy: PolicyVersion, yearsOfService: number): Decision<Record<PostCategory, number[]>> {
  requireNumber('yearsOfService', yearsOfService, { min: 0, max: 60, integer: true }, 'PAY-2');
  const m = policy.pay.matrix;
  const table = Object.fromEntries(
    POST_CATEGORIES.map((c) => [c, Array.from({ length: POST_LEVELS }, (_, i) => monthlyBasePayFen(m, c, i + 1, yearsOfService))]),
  ) as Record<PostCategory, number[]>;
  return new ExplanationBuilder({ yearsOfService }, policy.id)
    .step('POST-1', 'Three posts (head, manager, staff), eighteen levels')
    .step('PAY-2', `Level step widens by ${m.stepWideningPerBand * 100}% per ${m.serviceBandYears} years of service`)
    .decide(table);
}
