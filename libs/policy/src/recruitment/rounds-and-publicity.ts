import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { addDays, isCalendarDate } from '../parameters/date-math';
import type { PolicyVersion } from '../parameters/policy-version';

/** REC-2: recruitment rounds a year under the version (two today, three proposed). */
export function recruitmentRoundsPerYear(policy: PolicyVersion): Decision<{ rounds: number }> {
  const rounds = policy.recruitment.roundsPerYear;
  return new ExplanationBuilder({}, policy.id).step('REC-2', `${rounds} recruitment rounds a year`, rounds).decide({ rounds });
}

/**
 * REC-7: the publicity period (公示) before appointment. It starts on `startsOn` and lasts
 * `publicityDays` calendar days; the appointment may be made from `endsOn` (the day after the
 * last day) if no objection stands.
 */
export function publicityPeriod(policy: PolicyVersion, startsOn: string): Decision<{ startsOn: string; lastDay: string; endsOn: string }> {
  if (!isCalendarDate(startsOn)) throw invalidInput('startsOn', 'must be a calendar date YYYY-MM-DD', 'REC-7');
  const days = policy.recruitment.publicityDays;
  const endsOn = addDays(startsOn, days);
  const lastDay = addDays(endsOn, -1);
  return new ExplanationBuilder({ startsOn }, policy.id)
    .step('REC-7', `Results are published for ${days} days, ${startsOn} to ${lastDay}; appointment from ${endsOn}`, endsOn)
    .cite('REC-1')
    .decide({ startsOn, lastDay, endsOn });
}
