import { PolicyError } from '@cwp/policy';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import type { DomainErrorCode } from '../errors/service-error-codes';

export interface PolicyErrorMapping {
  /** Prefix of the request field the policy input came from, e.g. `facts.` (default none). */
  fieldPrefix?: string;
  /**
   * The codes of parameter-version errors, for a service whose versions come from its callers
   * (payroll stores them through its API, and a what-if names one): then an unknown version or
   * invalid parameters are the caller's, e.g. `{ notFound: ErrorCode.NOT_FOUND, parametersInvalid:
   * ErrorCode.VALIDATION_FAILED }` or a registered service code (409 …). Unset: INTERNAL (500).
   */
  versionErrors?: { notFound?: DomainErrorCode; parametersInvalid?: DomainErrorCode };
  /**
   * The request field a decision's date came from (`to`, `year`, `startsOn` …): a date that no
   * version is in force on (before the first) is then the caller's, a 400 naming that field.
   * Takes precedence over `versionErrors.notFound` for that case.
   */
  dateField?: string;
}

/**
 * The one PolicyError → DomainError mapping. A caller's out-of-bounds input
 * (POLICY_INPUT_INVALID, e.g. a reserve period of 30 months, POOL-2) is a 400 VALIDATION_FAILED
 * naming the field and the rule; a missing or invalid parameter version is the service's own
 * fault (the catalog ships with it), so INTERNAL (500), unless `versionErrors` names the codes,
 * or, for a date before every version, `dateField` names the request field the date came from.
 * When parameter validation found several problems, `details.issues` lists them all.
 */
export function policyErrorToDomainError(error: PolicyError, mapping: PolicyErrorMapping = {}): DomainError {
  // The catalog names a looked-up date `date`; the caller knows which request field it came from.
  const callersDate = mapping.dateField !== undefined && error.field === 'date';
  const code =
    error.code === 'POLICY_INPUT_INVALID' || (callersDate && error.code === 'POLICY_VERSION_NOT_FOUND')
      ? ErrorCode.VALIDATION_FAILED
      : ((error.code === 'POLICY_VERSION_NOT_FOUND' ? mapping.versionErrors?.notFound : mapping.versionErrors?.parametersInvalid) ??
        ErrorCode.INTERNAL);
  return new DomainError(code, error.message, {
    field: callersDate ? mapping.dateField! : `${mapping.fieldPrefix ?? ''}${error.field}`,
    details: { rule: error.rule ?? null, ...(error.issues.length > 1 ? { issues: [...error.issues] } : {}) },
    cause: error,
  });
}

/** Runs a policy decision; a PolicyError it throws leaves as a DomainError (see above). */
export function decide<T>(decision: () => T, mapping: PolicyErrorMapping = {}): T {
  try {
    return decision();
  } catch (error) {
    if (error instanceof PolicyError) throw policyErrorToDomainError(error, mapping);
    throw error;
  }
}
