import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { requireNumber } from '../explain/require-input';
import type { PolicyVersion } from '../parameters/policy-version';

export interface AreaQuotaRange {
  /** Fewest workers the area is staffed with. */
  readonly min: number;
  /** Most workers the area may be staffed with. */
  readonly max: number;
  /** QUOTA-2 extra workers at the largest (400) and the smallest (300) step. */
  readonly extraAtLargestStep: number;
  readonly extraAtSmallestStep: number;
}

/**
 * QUOTA-1 and QUOTA-2: an area has 7–11 workers; above 2,000 households it may add one worker per
 * complete further step of 300–400 households. Only complete steps count ("one per further 300
 * households": 299 further households add none). The larger step gives the lower bound, the
 * smaller step the upper bound.
 */
export function areaQuotaRange(policy: PolicyVersion, households: number): Decision<AreaQuotaRange> {
  requireNumber('households', households, { min: 0, max: 1_000_000, integer: true }, 'QUOTA-2');
  const q = policy.quota;
  const ex = new ExplanationBuilder({ households }, policy.id).step(
    'QUOTA-1',
    `A residential area has ${q.areaMin} to ${q.areaMax} workers`,
    {
      min: q.areaMin,
      max: q.areaMax,
    },
  );
  const further = Math.max(0, households - q.extraAboveHouseholds);
  const extraAtLargestStep = Math.floor(further / q.extraStepHouseholds.max);
  const extraAtSmallestStep = Math.floor(further / q.extraStepHouseholds.min);
  if (further === 0) {
    ex.step('QUOTA-2', `${households} households is not above ${q.extraAboveHouseholds}: no extra workers`, 0);
  } else {
    ex.step(
      'QUOTA-2',
      `${further} households above ${q.extraAboveHouseholds}: +${extraAtLargestStep} at one per ${q.extraStepHouseholds.max}, +${extraAtSmallestStep} at one per ${q.extraStepHouseholds.min}`,
      { further, extraAtLargestStep, extraAtSmallestStep },
    );
  }
  const value = { min: q.areaMin + extraAtLargestStep, max: q.areaMax + extraAtSmallestStep, extraAtLargestStep, extraAtSmallestStep };
  ex.step('QUOTA-2', `Quota range ${value.min}..${value.max}`, { min: value.min, max: value.max });
  return ex.decide(value);
}
