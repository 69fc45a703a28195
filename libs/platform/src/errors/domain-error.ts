import { ErrorCode } from './error-code';
import type { DomainErrorCode } from './service-error-codes';

export interface DomainErrorOptions {
  /** The request field (dotted path) the error is about, when there is one. */
  field?: string;
  /** Extra facts for the client (rule IDs, limits, the conflicting id). Never personal data. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The one error type services throw. It carries a stable `code`; the HTTP layer (exception
 * filter) and Temporal activities (non-retryable ApplicationFailure with the same type) translate
 * it. Services never throw HTTP exceptions: the same code runs in activities and consumers.
 */
export class DomainError extends Error {
  /** A platform ErrorCode or a code the service registered (defineServiceErrorCodes). */
  readonly code: DomainErrorCode;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    if (options.field !== undefined) this.field = options.field;
    if (options.details !== undefined) this.details = options.details;
  }

  static notFound(entity: string, id: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${entity} ${id} not found`, { details: { entity, id } });
  }

  static validation(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, message, { field });
  }

  static businessRule(rule: string, message: string, details: Record<string, unknown> = {}): DomainError {
    return new DomainError(ErrorCode.BUSINESS_RULE_VIOLATED, message, { details: { rule, ...details } });
  }

  static conflict(message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message, details === undefined ? {} : { details });
  }

  /**
   * TOO_MANY_REQUESTS (429): a rate limit refused the request; the client may retry after
   * `retryAfterSeconds` (the exception filter also sends it as the `Retry-After` header).
   */
  static tooManyRequests(message: string, retryAfterSeconds: number): DomainError {
    return new DomainError(ErrorCode.TOO_MANY_REQUESTS, message, {
      details: { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) },
    });
  }

  /**
   * VERSION_CONFLICT (409): the caller's `version` is not the row's any more (optimistic
   * concurrency); the client reloads and retries. `details` names the entity, id and versions.
   */
  static versionConflict(message: string, details: Record<string, unknown>): DomainError {
    return new DomainError(ErrorCode.VERSION_CONFLICT, message, { details });
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
