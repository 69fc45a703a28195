import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { requireNumber } from '../explain/require-input';
import { GRADES, type Grade, type PolicyVersion } from '../parameters/policy-version';

/**
 * APPR-2: the grade a percentage score earns under the version's floors (score ≥ floor earns the
 * grade; below the basically-qualified floor is unqualified).
 */
export function gradeForScore(policy: PolicyVersion, score: number): Decision<Grade> {
  requireNumber('score', score, { min: 0, max: 100 }, 'APPR-2');
  const f = policy.appraisal.gradeFloors;
  const grade: Grade =
    score >= f.excellent
      ? 'excellent'
      : score >= f.qualified
        ? 'qualified'
        : score >= f.basicallyQualified
          ? 'basically-qualified'
          : 'unqualified';
  return new ExplanationBuilder({ score }, policy.id)
    .step(
      'APPR-2',
      `Score ${score} against floors excellent ${f.excellent}, qualified ${f.qualified}, basically qualified ${f.basicallyQualified}: ${grade}`,
      grade,
    )
    .decide(grade);
}

export interface GradeAward {
  readonly grade: Grade;
  /** The grade the score maps to, when a score was given. */
  readonly mappedGrade?: Grade;
  /** A street using both methods awarded a grade that differs from the score's mapping. */
  readonly disagrees: boolean;
}

/**
 * APPR-2: streets grade directly (等级制), by percentage (百分制) or both. A directly awarded grade
 * stands (it is the street's decision); with a score as well, the mapping is recorded and a
 * disagreement flagged for review instead of silently overruling either.
 */
export function awardGrade(policy: PolicyVersion, input: { grade?: Grade; score?: number }): Decision<GradeAward> {
  if (input.grade !== undefined && !GRADES.includes(input.grade))
    throw invalidInput('grade', `must be one of ${GRADES.join(', ')}`, 'APPR-2');
  const ex = new ExplanationBuilder({ ...input }, policy.id);
  let mappedGrade: Grade | undefined;
  if (input.score !== undefined) {
    const mapped = gradeForScore(policy, input.score);
    mappedGrade = mapped.value;
    for (const s of mapped.explanation.steps) ex.step(s.rule, s.say, s.value);
  }
  const grade = input.grade ?? mappedGrade;
  if (grade === undefined) throw invalidInput('grade', 'a grade or a score is required', 'APPR-2');
  const disagrees = input.grade !== undefined && mappedGrade !== undefined && input.grade !== mappedGrade;
  if (input.grade !== undefined)
    ex.step(
      'APPR-2',
      `Grade awarded directly: ${input.grade}${disagrees ? ` (the score maps to ${mappedGrade}: flagged for review)` : ''}`,
      input.grade,
    );
  return ex.decide(mappedGrade === undefined ? { grade, disagrees } : { grade, mappedGrade, disagrees });
}
