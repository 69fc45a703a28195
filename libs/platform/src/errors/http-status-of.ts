import { ErrorCode } from './error-code';

/**
 * The single mapping from error code to HTTP status. The switch is exhaustive: adding a code to
 * ErrorCode without a case here fails the type-check (the `never` assignment below).
 */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.MALFORMED_REQUEST:
      return 400;
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.CONFLICT:
    case ErrorCode.DUPLICATE:
    case ErrorCode.VERSION_CONFLICT:
    case ErrorCode.IDEMPOTENCY_IN_PROGRESS:
      return 409;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCode.IDEMPOTENCY_KEY_REUSED:
    case ErrorCode.BUSINESS_RULE_VIOLATED:
    case ErrorCode.FLOATING_QUOTA_EXHAUSTED:
    case ErrorCode.TITLE_STRUCTURE_EXCEEDED:
      return 422;
    case ErrorCode.DEPENDENCY_UNAVAILABLE:
      return 503;
    case ErrorCode.INTERNAL:
      return 500;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for error code ${String(unhandled)}`);
    }
  }
}

/** Whether a failure with this code can succeed when retried unchanged (used by activities). */
export function isRetryableCode(code: ErrorCode): boolean {
  return code === ErrorCode.DEPENDENCY_UNAVAILABLE || code === ErrorCode.INTERNAL || code === ErrorCode.IDEMPOTENCY_IN_PROGRESS;
}
