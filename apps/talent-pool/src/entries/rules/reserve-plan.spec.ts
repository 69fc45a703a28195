import { DomainError, ErrorCode } from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import { planReserve } from './reserve-plan';

const policy = defaultPolicyCatalog().inForce('2026-11-24');

describe('POOL-2 reserve period of a registration', () => {
  it('POOL-2 without a request the default period applies, with an explanation citing POOL-2', () => {
    const plan = planReserve(policy, '2026-11-24');
    expect(plan.months).toBe(policy.pool.reservePeriodMonths.default);
    expect(plan.explanation.period.rules.map((r) => r.id)).toContain('POOL-2');
    expect(plan.explanation.schedule.steps.length).toBeGreaterThan(0);
  });

  it('POOL-2 a 12-month request ends one calendar year later, at the start of that day in Shanghai', () => {
    const plan = planReserve(policy, '2026-11-24', 12);
    expect(plan).toMatchObject({
      months: 12,
      registeredOn: '2026-11-24',
      expiresOn: '2027-11-24',
      reminderDays: policy.pool.expiryReminderDays,
    });
    expect(plan.expiresAt.toISOString()).toBe('2027-11-23T16:00:00.000Z');
  });

  it('POOL-2 month ends clamp: registered on Jan 31 for 13 months ends on the last day of February', () => {
    expect(planReserve(policy, '2027-01-31', 13).expiresOn).toBe('2028-02-29');
  });

  it.each([11, 25, 0])('POOL-2 %i months is outside one to two years: 400 naming reservePeriodMonths', (months) => {
    let error: unknown;
    try {
      planReserve(policy, '2026-11-24', months);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, field: 'reservePeriodMonths', details: { rule: 'POOL-2' } });
  });
});
