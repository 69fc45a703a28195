import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { addMonths, isCalendarDate } from '../parameters/date-math';
import type { PolicyVersion } from '../parameters/policy-version';
import { FOUR_ONES, type FourOne } from './compliance';

export interface MilestoneInput {
  milestone: 'qualified' | 'mature';
  /** First day of service, YYYY-MM-DD. */
  serviceStart: string;
  /** Completion date of each of the four ones recorded so far. */
  fourOnes: Partial<Record<FourOne, string>>;
  /** Years judged short of TRAIN-3/TRAIN-4 between the two milestones (for `mature`). */
  shortYears?: readonly number[];
}

export interface MilestoneResult {
  milestone: 'qualified' | 'mature';
  on: string;
  met: boolean;
  /** Four ones not done before the three-year deadline. */
  missing: FourOne[];
}

/**
 * TRAIN-2: the milestones of a worker's development. `qualified` at three years: all four ones
 * (one study visit, one secondment, one research topic, one innovation project) done before the
 * third anniversary. `mature` at seven years: qualified, and regular training kept up in the years
 * since (no year judged short of TRAIN-3 hours or TRAIN-4 off-the-job training).
 */
export function developmentMilestone(policy: PolicyVersion, input: MilestoneInput): Decision<MilestoneResult> {
  if (!isCalendarDate(input.serviceStart)) throw invalidInput('serviceStart', 'must be a calendar date YYYY-MM-DD', 'TRAIN-2');
  const t = policy.training;
  const ex = new ExplanationBuilder({ ...input }, policy.id);
  const dueBy = addMonths(input.serviceStart, 12 * t.fourOnesWithinYears);
  const missing = FOUR_ONES.filter((k) => {
    const d = input.fourOnes[k];
    if (d !== undefined && !isCalendarDate(d)) throw invalidInput(`fourOnes.${k}`, 'must be a calendar date YYYY-MM-DD', 'TRAIN-2');
    return d === undefined || d >= dueBy;
  });
  ex.step(
    'TRAIN-2',
    `Four ones before ${dueBy}: ${missing.length === 0 ? 'all four done' : `missing ${missing.join(', ')}`}`,
    missing.length === 0,
  );
  if (input.milestone === 'qualified') return ex.decide({ milestone: 'qualified', on: dueBy, met: missing.length === 0, missing });

  const on = addMonths(input.serviceStart, 12 * t.matureByYears);
  const short = [...(input.shortYears ?? [])].sort((a, b) => a - b);
  ex.step(
    'TRAIN-3',
    short.length === 0 ? 'No year judged short of training since qualifying' : `Years short of training: ${short.join(', ')}`,
    short,
  );
  const met = missing.length === 0 && short.length === 0;
  ex.step('TRAIN-2', `${t.matureByYears} years of service: ${met ? 'mature' : 'not yet mature'}`, met);
  return ex.decide({ milestone: 'mature', on, met, missing });
}
