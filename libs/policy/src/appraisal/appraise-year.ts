import { ExplanationBuilder, type Decision } from '../explain/explanation';
import type { Grade, PolicyVersion } from '../parameters/policy-version';
import { appraisalConsequence, type AppraisalConsequence, type EntryRoute } from './consequence';
import { awardGrade } from './grade';
import { appraisalScore, type AppraisalRatings } from './yearly-score';

export interface YearlyAppraisalInput {
  /** Multi-source ratings (APPR-1/APPR-3); omit when the street grades directly. */
  readonly ratings?: AppraisalRatings;
  /** A grade the street awards directly (APPR-2 等级制). */
  readonly grade?: Grade;
  readonly previousGrade?: Grade;
  readonly entryRoute: EntryRoute;
}

export interface YearlyAppraisal {
  readonly score?: number;
  readonly grade: Grade;
  readonly gradeDisagreesWithScore: boolean;
  readonly consequence: AppraisalConsequence;
}

/** APPR-1, APPR-2, APPR-3, APPR-5 in one: score (if rated) → grade → consequence, one explanation. */
export function appraiseYear(policy: PolicyVersion, input: YearlyAppraisalInput): Decision<YearlyAppraisal> {
  const ex = new ExplanationBuilder({ ...input }, policy.id);
  let score: number | undefined;
  if (input.ratings !== undefined) {
    const s = appraisalScore(policy, input.ratings);
    score = s.value.score;
    ex.absorb(s.explanation);
  }
  const g = awardGrade(policy, score === undefined ? { grade: input.grade } : { grade: input.grade, score });
  ex.absorb(g.explanation);
  const c = appraisalConsequence(
    input.previousGrade === undefined
      ? { grade: g.value.grade, entryRoute: input.entryRoute }
      : { grade: g.value.grade, previousGrade: input.previousGrade, entryRoute: input.entryRoute },
  );
  ex.absorb(c.explanation);
  const value = { grade: g.value.grade, gradeDisagreesWithScore: g.value.disagrees, consequence: c.value };
  return ex.decide(score === undefined ? value : { score, ...value });
}
