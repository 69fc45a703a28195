import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { requireNumber } from '../explain/require-input';
import { roundTo } from '../money/rounding';
import type { PolicyVersion } from '../parameters/policy-version';

export interface ExamScores {
  /** Each on a 0..100 scale. */
  readonly written: number;
  readonly interview: number;
  /** REC-6: the pre-exam internship evaluation. */
  readonly internship: number;
}

/**
 * REC-6 (with REC-1's written exam → interview): the combined score, each part weighted by the
 * version's `recruitment.scoreWeights`; the internship evaluation counts as part of the exam
 * score. Rounded to two decimals, half away from zero.
 */
export function combinedScore(policy: PolicyVersion, scores: ExamScores): Decision<{ score: number }> {
  for (const k of ['written', 'interview', 'internship'] as const) requireNumber(k, scores[k], { min: 0, max: 100 }, 'REC-6');
  const w = policy.recruitment.scoreWeights;
  const exact = scores.written * w.written + scores.interview * w.interview + scores.internship * w.internship;
  const score = roundTo(exact, 2);
  return new ExplanationBuilder({ ...scores }, policy.id)
    .step('REC-1', 'Written exam and interview are scored 0..100', { written: scores.written, interview: scores.interview })
    .step('REC-6', `Weighted ${w.written}·written + ${w.interview}·interview + ${w.internship}·internship = ${score}`, {
      weights: w,
      score,
    })
    .decide({ score });
}
