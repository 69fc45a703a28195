import { ErrorCode } from './error-code';
import { STATUS_OF_CLASS, statusClassOfServiceCode, type DomainErrorCode } from './service-error-codes';

const PLATFORM_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * The single mapping from error code to HTTP status: platform codes by the exhaustive switch
 * below (adding a code to ErrorCode without a case fails the type-check), service codes by the
 * status class they were registered with (defineServiceErrorCodes). A code nobody registered is
 * a programming error: 500.
 */
export function httpStatusOf(code: DomainErrorCode | string): number {
  if (PLATFORM_CODES.has(code)) return platformStatusOf(code as ErrorCode);
  const statusClass = statusClassOfServiceCode(code);
  return statusClass ? STATUS_OF_CLASS[statusClass] : 500;
}

function platformStatusOf(code: ErrorCode): number {
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
    case ErrorCode.TOO_MANY_REQUESTS:
      return 429;
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

/**
 * Whether a failure with this code can succeed when retried unchanged (used by activities): the
 * platform's unavailable/internal/in-progress/too-many-requests codes, and service codes of class 'unavailable'.
 */
export function isRetryableCode(code: DomainErrorCode | string): boolean {
  if (
    code === ErrorCode.DEPENDENCY_UNAVAILABLE ||
    code === ErrorCode.INTERNAL ||
    code === ErrorCode.IDEMPOTENCY_IN_PROGRESS ||
    code === ErrorCode.TOO_MANY_REQUESTS
  )
    return true;
  return statusClassOfServiceCode(code) === 'unavailable';
}
