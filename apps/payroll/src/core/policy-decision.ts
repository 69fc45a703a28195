import { DomainError, ErrorCode } from '@cwp/platform';
import { PolicyError } from '@cwp/policy';

/**
 * Runs a libs/policy call, turning a PolicyError into a 400 VALIDATION_FAILED naming the field and
 * the rule (`pay.multiplier: 1.6 is outside 1..1.5 (PAY-3)`); a missing version is a 404.
 * kit: shape-kit's PlatformPolicyModule holds the one mapping; swap to it when merged.
 */
export function decide<T>(decision: () => T): T {
  try {
    return decision();
  } catch (error) {
    if (error instanceof PolicyError) {
      const code = error.code === 'POLICY_VERSION_NOT_FOUND' ? ErrorCode.NOT_FOUND : ErrorCode.VALIDATION_FAILED;
      throw new DomainError(code, error.message, {
        field: error.field,
        details: { rule: error.rule ?? null, issues: [...error.issues] },
        cause: error,
      });
    }
    throw error;
  }
}
