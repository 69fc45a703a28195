import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { addDays, addMonths, isCalendarDate } from '../parameters/date-math';
import type { PoolPolicy } from './reserve-period';

export interface ReserveSchedule {
  /** Day the entry joined the pool (YYYY-MM-DD). */
  readonly startsOn: string;
  /** First day on which the entry is no longer kept: it is removed then unless it joined (POOL-2). */
  readonly expiresOn: string;
  /** Day to remind the candidate and the operator (`expiryReminderDays` before expiry, never before the start). */
  readonly remindOn: string;
}

/**
 * POOL-2: the dates a reserve entry's workflow waits for. Months are added on the calendar; a start
 * on the 31st ends on the last day of a shorter month (2026-01-31 + 1 month → 2026-02-28).
 */
export function reserveSchedule(policy: PoolPolicy, startsOn: string, months: number): Decision<ReserveSchedule> {
  if (!isCalendarDate(startsOn)) throw invalidInput('startsOn', 'must be a calendar date YYYY-MM-DD');
  const bounds = policy.pool.reservePeriodMonths;
  if (!Number.isInteger(months) || months < bounds.min || months > bounds.max) {
    throw invalidInput('reservePeriodMonths', `${months} is outside ${bounds.min}..${bounds.max} months`, 'POOL-2');
  }
  const expiresOn = addMonths(startsOn, months);
  const reminder = addDays(expiresOn, -policy.pool.expiryReminderDays);
  const remindOn = reminder < startsOn ? startsOn : reminder;
  const ex = new ExplanationBuilder({ startsOn, months, expiryReminderDays: policy.pool.expiryReminderDays }, policy.id)
    .step('POOL-2', `Kept ${months} months from ${startsOn}: removed on ${expiresOn} unless it has joined the workforce`, expiresOn)
    .step('POOL-2', `Reminder ${policy.pool.expiryReminderDays} days before expiry`, remindOn)
    .cite('POOL-3');
  return ex.decide({ startsOn, expiresOn, remindOn });
}

export type ReserveStatus = 'active' | 'joined' | 'removed';

/** POOL-2/POOL-3: an entry that joined the workforce before expiry is closed as joined; otherwise removed at expiry. */
export function reserveStatus(facts: { expiresOn: string; today: string; joinedOn?: string }): Decision<ReserveStatus> {
  const ex = new ExplanationBuilder({ ...facts });
  if (facts.joinedOn !== undefined && facts.joinedOn < facts.expiresOn) {
    ex.step('POOL-3', `Joined the workforce on ${facts.joinedOn}, before the period ended: the reserve period ends early`, 'joined');
    return ex.decide('joined');
  }
  if (facts.today >= facts.expiresOn) {
    ex.step('POOL-2', `The period ended on ${facts.expiresOn} without joining: the entry is removed`, 'removed');
    return ex.decide('removed');
  }
  ex.step('POOL-2', `Kept until ${facts.expiresOn}`, 'active');
  return ex.decide('active');
}
