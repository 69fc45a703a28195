import { PolicyError } from '@cwp/policy';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

export interface PolicyErrorMapping {
  /** Prefix of the request field the policy input came from, e.g. `facts.` (default none). */
  fieldPrefix?: string;
}

/**
 * The one PolicyError → DomainError mapping. A caller's out-of-bounds input
 * (POLICY_INPUT_INVALID, e.g. a reserve period of 30 months, POOL-2) is a 400 VALIDATION_FAILED
 * naming the field and the rule; a missing or invalid parameter version is the service's own
 * fault (the catalog ships with it), so INTERNAL (500).
 */
export function policyErrorToDomainError(error: PolicyError, mapping: PolicyErrorMapping = {}): DomainError {
  const code = error.code === 'POLICY_INPUT_INVALID' ? ErrorCode.VALIDATION_FAILED : ErrorCode.INTERNAL;
  return new DomainError(code, error.message, {
    field: `${mapping.fieldPrefix ?? ''}${error.field}`,
    details: { rule: error.rule ?? null },
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
