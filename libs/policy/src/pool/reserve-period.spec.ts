import { PolicyError } from '../explain/policy-error';
import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { reservePeriod } from './reserve-period';
import { reserveSchedule, reserveStatus } from './reserve-schedule';

const policy = defaultPolicyCatalog().inForce('2026-11-24');

describe('POOL-2 reserve period', () => {
  it('POOL-2 uses the default of 24 months when none is requested', () => {
    const d = reservePeriod(policy);
    expect(d.value).toEqual({ months: 24 });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['POOL-2']);
    expect(d.explanation.policyVersion).toBe('2016-current');
  });

  it.each([12, 18, 24])('POOL-2 accepts %i months', (m) => {
    expect(reservePeriod(policy, m).value.months).toBe(m);
  });

  it.each([0, 11, 25, 36, 12.5, -12])('POOL-2 rejects %p months, naming reservePeriodMonths', (m) => {
    expect(() => reservePeriod(policy, m)).toThrow(PolicyError);
    try {
      reservePeriod(policy, m);
    } catch (e) {
      expect((e as PolicyError).field).toBe('reservePeriodMonths');
      expect((e as PolicyError).code).toBe('POLICY_INPUT_INVALID');
      expect((e as PolicyError).message).toMatch(/^reservePeriodMonths: .*\(POOL-2\)$/);
    }
  });

  it('POOL-2 schedules expiry on the calendar and a reminder 30 days before', () => {
    expect(reserveSchedule(policy, '2026-01-31', 13).value).toEqual({
      startsOn: '2026-01-31',
      expiresOn: '2027-02-28',
      remindOn: '2027-01-29',
    });
    expect(reserveSchedule(policy, '2024-02-29', 24).value.expiresOn).toBe('2026-02-28');
    expect(() => reserveSchedule(policy, '2026-02-30', 12)).toThrow(/startsOn/);
  });

  it('POOL-3 joining before expiry ends the period early; POOL-2 otherwise removal at expiry', () => {
    expect(reserveStatus({ expiresOn: '2027-01-01', today: '2026-06-01', joinedOn: '2026-05-01' }).value).toBe('joined');
    expect(reserveStatus({ expiresOn: '2027-01-01', today: '2026-06-01' }).value).toBe('active');
    expect(reserveStatus({ expiresOn: '2027-01-01', today: '2027-01-01' }).value).toBe('removed');
    expect(reserveStatus({ expiresOn: '2027-01-01', today: '2027-01-01' }).explanation.rules[0]!.id).toBe('POOL-2');
  });
});
