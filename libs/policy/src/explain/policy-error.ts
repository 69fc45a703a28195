import type { RuleId } from './rules';

/** Stable codes services map to HTTP (both are caller mistakes → 4xx, never 500). */
export type PolicyErrorCode = 'POLICY_INPUT_INVALID' | 'POLICY_PARAMETERS_INVALID' | 'POLICY_VERSION_NOT_FOUND';

/**
 * Thrown when an input or a parameter version breaks a rule's bounds. `field` names the offending
 * field (a path such as `pay.multiplier`), `rule` the POLICY.md rule that sets the bound. The
 * message never contains personal data (no ID or phone numbers).
 */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';

  constructor(
    readonly code: PolicyErrorCode,
    readonly field: string,
    message: string,
    readonly rule?: RuleId,
    /** Every problem found, when there were several (parameter validation reports them all). */
    readonly issues: readonly string[] = [message],
  ) {
    super(message);
  }
}

export function invalidInput(field: string, message: string, rule?: RuleId): PolicyError {
  return new PolicyError('POLICY_INPUT_INVALID', field, `${field}: ${message}${rule ? ` (${rule})` : ''}`, rule);
}
