import { reservePeriod, reserveSchedule, type Explanation, type PoolPolicy } from '@cwp/policy';
import { decide } from '@cwp/platform';

/** The instant a Shanghai calendar day starts: an entry expiring on D is kept until D 00:00 (UTC+8). */
export function startOfShanghaiDay(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export interface ReservePlan {
  months: number;
  registeredOn: string;
  expiresOn: string;
  /** The workflow's timer: the start of `expiresOn` in Shanghai. */
  expiresAt: Date;
  reminderDays: number;
  policyVersion: string | null;
  explanation: { period: Explanation; schedule: Explanation };
}

/**
 * POOL-2 for one registration: the period (requested or the version's default, inside its
 * bounds), the expiry day and instant, and the reminder lead time, with both explanations.
 * An out-of-bounds request becomes a 400 naming `reservePeriodMonths`.
 */
export function planReserve(policy: PoolPolicy, today: string, requestedMonths?: number): ReservePlan {
  const period = decide(() => reservePeriod(policy, requestedMonths));
  const schedule = decide(() => reserveSchedule(policy, today, period.value.months));
  return {
    months: period.value.months,
    registeredOn: today,
    expiresOn: schedule.value.expiresOn,
    expiresAt: startOfShanghaiDay(schedule.value.expiresOn),
    reminderDays: policy.pool.expiryReminderDays,
    policyVersion: policy.id ?? null,
    explanation: { period: period.explanation, schedule: schedule.explanation },
  };
}
