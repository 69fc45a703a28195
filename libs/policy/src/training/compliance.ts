import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { requireNumber } from '../explain/require-input';
import { roundTo } from '../money/rounding';
import { addMonths, isCalendarDate, wholeYearsBetween } from '../parameters/date-math';
import type { PolicyVersion } from '../parameters/policy-version';

/** TRAIN-2: the "four ones" (四个一). */
export const FOUR_ONES = ['study-visit', 'secondment', 'research-topic', 'innovation-project'] as const;
export type FourOne = (typeof FOUR_ONES)[number];

export interface TrainingRecord {
  readonly year: number;
  /** First day of service, YYYY-MM-DD. */
  readonly serviceStart: string;
  /** Training hours completed in `year`. */
  readonly hours: number;
  /** Years in which the worker had off-the-job (脱产) training. */
  readonly offJobYears: readonly number[];
  /** Completion date of each of the four ones done so far. */
  readonly fourOnes: Partial<Record<FourOne, string>>;
}

export interface TrainingCompliance {
  readonly compliant: boolean;
  readonly hours: { readonly required: number; readonly done: number; readonly met: boolean };
  readonly offJob: { readonly due: boolean; readonly met: boolean; readonly window: readonly [number, number] };
  readonly fourOnes: {
    readonly dueBy: string;
    readonly status: 'complete' | 'in-progress' | 'overdue';
    readonly missing: readonly FourOne[];
  };
  /** TRAIN-2: completed years of service at the end of the year, and the stage they mean. */
  readonly yearsOfService: number;
  readonly stage: 'becoming-qualified' | 'maturing' | 'mature';
}

/**
 * TRAIN-2, TRAIN-3, TRAIN-4: a worker's training compliance for one year, judged at 31 December.
 * Hours: at least 80, pro rata by months in service in the year the worker started. Off-the-job:
 * once in every window of two years, due once the worker has served a full window. Four ones: all
 * done within the first three years; before that date missing items are in progress, not failures.
 */
export function trainingCompliance(policy: PolicyVersion, rec: TrainingRecord): Decision<TrainingCompliance> {
  requireNumber('year', rec.year, { min: 2000, max: 2200, integer: true }, 'TRAIN-3');
  requireNumber('hours', rec.hours, { min: 0, max: 5000 }, 'TRAIN-3');
  if (!isCalendarDate(rec.serviceStart)) throw invalidInput('serviceStart', 'must be a calendar date YYYY-MM-DD', 'TRAIN-2');
  const t = policy.training;
  const yearEnd = `${rec.year}-12-31`;
  const startYear = Number(rec.serviceStart.slice(0, 4));
  if (startYear > rec.year) throw invalidInput('serviceStart', `service starts after ${rec.year}`, 'TRAIN-3');
  const ex = new ExplanationBuilder({ ...rec }, policy.id);

  const monthsInService = startYear === rec.year ? 13 - Number(rec.serviceStart.slice(5, 7)) : 12;
  const required = roundTo((t.minHoursPerYear * monthsInService) / 12, 1);
  const hoursMet = rec.hours >= required;
  ex.step(
    'TRAIN-3',
    `${rec.hours} of ${required} hours${monthsInService < 12 ? ` (${t.minHoursPerYear} pro rata for ${monthsInService} months)` : ''}: ${hoursMet ? 'met' : 'NOT met'}`,
    hoursMet,
  );

  const window: [number, number] = [rec.year - t.offJobEveryYears + 1, rec.year];
  // Due only for a worker who served the whole window: nobody fails a window they joined halfway.
  const offJobDue = rec.serviceStart <= `${window[0]}-01-01`;
  const offJobMet = rec.offJobYears.some((y) => y >= window[0] && y <= window[1]);
  ex.step(
    'TRAIN-4',
    offJobDue
      ? `Off-the-job training in ${window[0]}–${window[1]}: ${offJobMet ? 'yes' : 'NONE'}`
      : `Off-the-job training not yet due (in service since ${rec.serviceStart}, not the whole window)`,
    offJobMet,
  );

  const dueBy = addMonths(rec.serviceStart, 12 * t.fourOnesWithinYears);
  const doneByDue = FOUR_ONES.filter((k) => {
    const d = rec.fourOnes[k];
    if (d !== undefined && !isCalendarDate(d)) throw invalidInput(`fourOnes.${k}`, 'must be a calendar date YYYY-MM-DD', 'TRAIN-2');
    return d !== undefined && d < dueBy && d <= yearEnd;
  });
  const missing = FOUR_ONES.filter((k) => !doneByDue.includes(k));
  const status = missing.length === 0 ? 'complete' : yearEnd < dueBy ? 'in-progress' : 'overdue';
  ex.step('TRAIN-2', `Four ones due before ${dueBy}: ${status}${missing.length ? ` (missing ${missing.join(', ')})` : ''}`, status);

  const yearsOfService = Math.max(0, wholeYearsBetween(rec.serviceStart, yearEnd));
  const stage = yearsOfService < t.fourOnesWithinYears ? 'becoming-qualified' : yearsOfService < t.matureByYears ? 'maturing' : 'mature';
  ex.step(
    'TRAIN-2',
    `${yearsOfService} years of service: ${stage} (milestones at ${t.fourOnesWithinYears} and ${t.matureByYears} years)`,
    stage,
  );

  const compliant = hoursMet && (!offJobDue || offJobMet) && status !== 'overdue';
  return ex.decide({
    compliant,
    hours: { required, done: rec.hours, met: hoursMet },
    offJob: { due: offJobDue, met: offJobMet, window },
    fourOnes: { dueBy, status, missing },
    yearsOfService,
    stage,
  });
}
