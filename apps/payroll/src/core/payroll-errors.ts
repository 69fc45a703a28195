import { DomainError, ErrorCode, defineServiceErrorCodes } from '@cwp/platform';

/**
 * The payroll service's own error codes, registered with the platform (the exception filter and
 * activity failures read their status class from the registry). Clients match on these strings:
 * a value never changes once released. Duplicates stay the platform's `DUPLICATE` (409), with the
 * reason in `details.reason`.
 */
export const PayrollError = defineServiceErrorCodes('payroll', {
  /** PAY-3: the preview named is no longer current (wage or multiplier changed since). */
  PREVIEW_STALE: { status: 'conflict', zh: '调整预览已过期' },
  /** PAY-3: the recalibration is not in a state that allows the request. */
  RECALIBRATION_STATE: { status: 'conflict', zh: '薪酬调整状态不允许此操作' },
  /** PAY-6: the pool needs the unit's quota and the reference wage; one has not arrived yet. */
  POOL_INPUTS_MISSING: { status: 'conflict', zh: '绩效总额所需数据尚未到达' },
});

/** Payroll's reasons: its registered codes, plus the duplicates reported as the platform's DUPLICATE. */
const PAYROLL_DUPLICATES = {
  /** PAY-3: one city average wage per year; a second publication is a correction (with a reason). */
  WAGE_ALREADY_PUBLISHED: ErrorCode.DUPLICATE,
  /** A policy version id that is already stored (versions are immutable). */
  POLICY_VERSION_EXISTS: ErrorCode.DUPLICATE,
} as const;

export type PayrollErrorReason = keyof typeof PayrollError | keyof typeof PAYROLL_DUPLICATES;

export function payrollError(
  reason: PayrollErrorReason,
  message: string,
  options: { field?: string; details?: Record<string, unknown> } = {},
): DomainError {
  const field = options.field ? { field: options.field } : {};
  if (reason in PAYROLL_DUPLICATES) {
    return new DomainError(ErrorCode.DUPLICATE, message, { ...field, details: { reason, ...options.details } });
  }
  return new DomainError(PayrollError[reason as keyof typeof PayrollError], message, {
    ...field,
    ...(options.details ? { details: options.details } : {}),
  });
}
