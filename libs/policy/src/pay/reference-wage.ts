import { ExplanationBuilder } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { requireNumber } from '../explain/require-input';
import type { PolicyVersion } from '../parameters/policy-version';

/** The city's average annual wage of one year, in fen (e.g. 2013: ¥60,435 → 6_043_500). */
export interface ReferenceWage {
  readonly year: number;
  readonly annualFen: number;
}

/** PAY-1 (current policy: the base year 2013) or PAY-3 (proposal: the previous year). */
export function referenceWageYear(policy: PolicyVersion, payYear: number): number {
  return policy.pay.wageReference === 'base-year' ? policy.pay.baseYear : payYear - 1;
}

/** Checks that the caller supplied the wage of the year the version refers to, and explains it. */
export function requireReferenceWage(policy: PolicyVersion, payYear: number, wage: ReferenceWage, ex: ExplanationBuilder): void {
  requireNumber('payYear', payYear, { min: 2000, max: 2200, integer: true }, 'PAY-3');
  requireNumber('referenceWage.annualFen', wage.annualFen, { min: 1, max: 1e10, integer: true }, 'PAY-3');
  const year = referenceWageYear(policy, payYear);
  const rule = policy.pay.wageReference === 'base-year' ? 'PAY-1' : 'PAY-3';
  if (wage.year !== year) {
    throw invalidInput(
      'referenceWage.year',
      `${wage.year} given, but pay year ${payYear} under version ${policy.id} uses the ${policy.pay.wageReference} wage of ${year}`,
      rule,
    );
  }
  ex.step(rule, `Reference: the city's average wage of ${year} (${policy.pay.wageReference}), ${wage.annualFen} fen a year`, wage);
}
