import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { requireNumber } from '../explain/require-input';
import { roundTo } from '../money/rounding';
import {
  APPRAISAL_DIMENSIONS,
  RATER_SOURCES,
  type AppraisalDimension,
  type PolicyVersion,
  type RaterSource,
} from '../parameters/policy-version';

/** Each rater source's scores on the five dimensions, 0..100 (an average of that source's raters). */
export type AppraisalRatings = Partial<Record<RaterSource, Readonly<Record<AppraisalDimension, number>>>>;

export interface AppraisalScore {
  /** 0..100, two decimals. */
  readonly score: number;
  readonly bySource: Partial<Record<RaterSource, number>>;
  /** Weights actually used: renormalised over the sources that rated. */
  readonly sourceWeights: Partial<Record<RaterSource, number>>;
}

/**
 * APPR-1 and APPR-3: the yearly score. Each rater source's five dimension scores are combined with
 * the dimension weights; the sources are combined with the rater weights. A source that did not
 * rate (e.g. no residents' survey this year) is left out and the remaining weights are
 * renormalised, which the explanation says, rather than counting the missing source as zero.
 */
export function appraisalScore(policy: PolicyVersion, ratings: AppraisalRatings): Decision<AppraisalScore> {
  const a = policy.appraisal;
  const present = RATER_SOURCES.filter((s) => ratings[s] !== undefined && a.raterWeights[s] > 0);
  if (present.length === 0) throw invalidInput('ratings', 'at least one rater source with a positive weight must rate', 'APPR-3');
  const ex = new ExplanationBuilder({ ratings }, policy.id);
  ex.step('APPR-1', 'Dimensions morality, ability, diligence, performance, integrity weighted', a.dimensionWeights);

  const bySource: Partial<Record<RaterSource, number>> = {};
  for (const s of present) {
    let sum = 0;
    for (const d of APPRAISAL_DIMENSIONS)
      sum += requireNumber(`ratings.${s}.${d}`, ratings[s]![d], { min: 0, max: 100 }, 'APPR-1') * a.dimensionWeights[d];
    bySource[s] = sum;
  }
  const weightSum = present.reduce((acc, s) => acc + a.raterWeights[s], 0);
  const sourceWeights: Partial<Record<RaterSource, number>> = {};
  let score = 0;
  for (const s of present) {
    sourceWeights[s] = a.raterWeights[s] / weightSum;
    score += bySource[s]! * sourceWeights[s]!;
  }
  const missing = RATER_SOURCES.filter((s) => !present.includes(s));
  ex.step(
    'APPR-3',
    missing.length === 0 ? 'Rater sources weighted' : `Rater sources weighted; ${missing.join(', ')} did not rate, weights renormalised`,
    { sourceWeights, bySource: round2(bySource) },
  );
  const value = { score: roundTo(score, 2), bySource: round2(bySource), sourceWeights };
  ex.step('APPR-3', `Yearly score ${value.score}`, value.score);
  return ex.decide(value);
}

function round2(o: Partial<Record<RaterSource, number>>): Partial<Record<RaterSource, number>> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, roundTo(v, 2)]));
}
