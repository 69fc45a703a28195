import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { requireNumber } from '../explain/require-input';
import type { PolicyVersion } from '../parameters/policy-version';
import { areaQuotaRange } from './area-quota-range';

export interface QuotaReviewInput {
  readonly currentQuota: number;
  readonly households: number;
  /**
   * The street's judgement of the population structure (elderly, migrants, children): -1 lighter
   * than the household count suggests, +1 heavier, 0 as counted. With a reason for the record.
   */
  readonly structureAdjustment?: -1 | 0 | 1;
  readonly structureReason?: string;
}

export interface QuotaReviewProposal {
  readonly currentQuota: number;
  readonly target: number;
  readonly proposedQuota: number;
  readonly change: number;
  readonly range: { readonly min: number; readonly max: number };
}

/**
 * QUOTA-5: the yearly review. The target follows size: linear from 7 (no households) to 11 (2,000
 * households) inside QUOTA-1, and above 2,000 the QUOTA-2 extras at the mid step (350); the
 * street's structure judgement moves it by one; it is kept in the QUOTA-1/2 range. The proposal
 * moves from the current quota towards the target by at most `reviewMaxChange` (small adjustments
 * only), except that a quota outside the range is first brought back into it.
 */
export function proposeQuotaAdjustment(policy: PolicyVersion, input: QuotaReviewInput): Decision<QuotaReviewProposal> {
  requireNumber('currentQuota', input.currentQuota, { min: 0, max: 1000, integer: true }, 'QUOTA-5');
  const q = policy.quota;
  const range = areaQuotaRange(policy, input.households);
  const { min, max } = range.value;
  const ex = new ExplanationBuilder({ ...input }, policy.id);
  for (const s of range.explanation.steps) ex.step(s.rule, s.say, s.value);

  const further = Math.max(0, input.households - q.extraAboveHouseholds);
  const midStep = (q.extraStepHouseholds.min + q.extraStepHouseholds.max) / 2;
  const bySize =
    further > 0
      ? q.areaMax + Math.floor(further / midStep)
      : q.areaMin + Math.round(((q.areaMax - q.areaMin) * input.households) / q.extraAboveHouseholds);
  const structure = input.structureAdjustment ?? 0;
  const target = Math.min(max, Math.max(min, bySize + structure));
  ex.step(
    'QUOTA-5',
    `Size suggests ${bySize}; structure adjustment ${structure}${input.structureReason ? ` (${input.structureReason})` : ''}; target ${target}`,
    target,
  );

  const intoRange = Math.min(max, Math.max(min, input.currentQuota));
  const step = q.reviewMaxChange;
  const proposedQuota = intoRange + Math.max(-step, Math.min(step, target - intoRange));
  if (intoRange !== input.currentQuota)
    ex.step('QUOTA-1', `Current quota ${input.currentQuota} is outside ${min}..${max}: brought to ${intoRange}`, intoRange);
  ex.step('QUOTA-5', `Small adjustments only: at most ${step} a year; proposed ${proposedQuota}`, proposedQuota);
  return ex.decide({
    currentQuota: input.currentQuota,
    target,
    proposedQuota,
    change: proposedQuota - input.currentQuota,
    range: { min, max },
  });
}
