import { DomainError, ErrorCode } from '@cwp/platform';
import { PolicyError } from '@cwp/policy';

/**
 * Runs a policy decision, turning a PolicyError (a caller's out-of-bounds input, e.g. a reserve
 * period of 30 months, POOL-2) into a 400 VALIDATION_FAILED DomainError naming the field and rule.
 */
export function decide<T>(decision: () => T): T {
  try {
    return decision();
  } catch (error) {
    if (error instanceof PolicyError) {
      const code = error.code === 'POLICY_INPUT_INVALID' ? ErrorCode.VALIDATION_FAILED : ErrorCode.INTERNAL;
      throw new DomainError(code, error.message, { field: error.field, details: { rule: error.rule ?? null }, cause: error });
    }
    throw error;
  }
}
