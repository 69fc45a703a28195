import { DomainError, ErrorCode } from '@cwp/platform';

/**
 * The payroll service's own error reasons, each mapped to a platform status class.
 * kit: shape-kit's service error-code registry replaces this table (codes registered with the
 * platform); until then the reason travels in `details.reason` of a platform code.
 */
export const PAYROLL_ERRORS = {
  /** PAY-3: one city average wage per year; a second publication is a correction (with a reason). */
  WAGE_ALREADY_PUBLISHED: ErrorCode.DUPLICATE,
  /** PAY-3: the preview named is no longer current (wage or multiplier changed since). */
  PREVIEW_STALE: ErrorCode.CONFLICT,
  /** PAY-3: the recalibration is not in a state that allows the request. */
  RECALIBRATION_STATE: ErrorCode.CONFLICT,
  /** A policy version id that is already stored (versions are immutable). */
  POLICY_VERSION_EXISTS: ErrorCode.DUPLICATE,
  /** PAY-6: the pool needs the unit's quota and the reference wage; one has not arrived yet. */
  POOL_INPUTS_MISSING: ErrorCode.CONFLICT,
} as const satisfies Record<string, ErrorCode>;

export type PayrollErrorReason = keyof typeof PAYROLL_ERRORS;

export function payrollError(
  reason: PayrollErrorReason,
  message: string,
  options: { field?: string; details?: Record<string, unknown> } = {},
): DomainError {
  return new DomainError(PAYROLL_ERRORS[reason], message, {
    ...(options.field ? { field: options.field } : {}),
    details: { reason, ...options.details },
  });
}
