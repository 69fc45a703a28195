import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import type { PolicyVersion } from '../parameters/policy-version';

export type PoolPolicy = Pick<PolicyVersion, 'pool'> & Partial<Pick<PolicyVersion, 'id'>>;

/**
 * POOL-2: how long a reserve entry is kept. The operator may choose a period per entry inside the
 * version's bounds (one to two years); without a choice the version's default applies.
 * @throws PolicyError POLICY_INPUT_INVALID naming `reservePeriodMonths` when the choice is out of bounds
 */
export function reservePeriod(policy: PoolPolicy, requestedMonths?: number): Decision<{ months: number }> {
  const bounds = policy.pool.reservePeriodMonths;
  const ex = new ExplanationBuilder({ requestedMonths: requestedMonths ?? null, bounds }, policy.id);
  if (requestedMonths === undefined) {
    ex.step('POOL-2', `No period requested: the default of ${bounds.default} months applies`, bounds.default);
    return ex.decide({ months: bounds.default });
  }
  if (!Number.isInteger(requestedMonths)) {
    throw invalidInput('reservePeriodMonths', `${requestedMonths} must be a whole number of months`, 'POOL-2');
  }
  if (requestedMonths < bounds.min || requestedMonths > bounds.max) {
    throw invalidInput(
      'reservePeriodMonths',
      `${requestedMonths} is outside ${bounds.min}..${bounds.max} months (an entry is kept one to two years)`,
      'POOL-2',
    );
  }
  ex.step('POOL-2', `Requested ${requestedMonths} months lies within ${bounds.min}..${bounds.max}`, requestedMonths);
  return ex.decide({ months: requestedMonths });
}
