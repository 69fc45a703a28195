import { ErrorCode, decide as platformDecide, type PolicyErrorMapping } from '@cwp/platform';

/**
 * Payroll's callers supply parameter versions (the city stores them through the API; a what-if
 * names one), so a version error is theirs: an unknown version is 404 NOT_FOUND, invalid parameters
 * 400 VALIDATION_FAILED naming the field and rule (`pay.multiplier: 1.6 is outside 1..1.5 (PAY-3)`),
 * never the platform default of 500.
 */
export const PAYROLL_POLICY_ERRORS: PolicyErrorMapping = {
  versionErrors: { notFound: ErrorCode.NOT_FOUND, parametersInvalid: ErrorCode.VALIDATION_FAILED },
};

/**
 * The platform's one PolicyError mapping (`decide`) with payroll's version-error codes; `dateField`
 * names the request field a looked-up date came from (a date before every version: 400 on it).
 */
export function decide<T>(decision: () => T, mapping: Pick<PolicyErrorMapping, 'dateField'> = {}): T {
  return platformDecide(decision, { ...PAYROLL_POLICY_ERRORS, ...mapping });
}
