import { appraisalScore, ExplanationBuilder, gradeForScore, type AppraisalRatings, type Grade, type PolicyVersion } from '@cwp/policy';
import type { EntryRoute } from '@cwp/contracts';
import type { RatingAggregateRow } from '../result.row';

export interface ScoredWorker {
  workerId: string;
  unitCode: string;
  entryRoute: EntryRoute;
  score: number;
  grade: Grade;
  explanation: ReturnType<ExplanationBuilder['build']>;
}

/**
 * APPR-1..3: one worker's score and grade from the per-source averages of its ratings, with the
 * weights and grade floors of the policy version in force; the explanation carries the sources,
 * how many raters each had, the weights, the dimension scores and the mapping. A worker no
 * source rated gets no result (that year is missing from the record: APPR-5 sequences break).
 */
export function scoreWorker(policy: PolicyVersion, rows: readonly RatingAggregateRow[]): ScoredWorker | null {
  const rated = rows.filter((r) => r.source !== null && r.raters > 0);
  if (rated.length === 0) return null;
  const ratings: AppraisalRatings = {};
  const raters: Record<string, number> = {};
  for (const r of rated) {
    ratings[r.source!] = {
      morality: r.morality!,
      ability: r.ability!,
      diligence: r.diligence!,
      performance: r.performance!,
      integrity: r.integrity!,
    };
    raters[r.source!] = r.raters;
  }
  const score = appraisalScore(policy, ratings);
  const grade = gradeForScore(policy, score.value.score);
  const explanation = new ExplanationBuilder({ ratings, raters }, policy.id).absorb(score.explanation).absorb(grade.explanation).build();
  const first = rows[0]!;
  return {
    workerId: first.workerId,
    unitCode: first.unitCode,
    entryRoute: first.entryRoute,
    score: score.value.score,
    grade: grade.value,
    explanation,
  };
}
