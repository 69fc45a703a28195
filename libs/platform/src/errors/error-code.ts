/**
 * The platform's own error codes, shared by every service (a service's domain codes live in the
 * service, registered with `defineServiceErrorCodes`, see service-error-codes.ts). Clients, activities (ApplicationFailure.type) and
 * tests match on these strings, so a value never changes once released; add new ones instead.
 * The HTTP status of each code lives in one place: `httpStatusOf` in http-status-of.ts.
 */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_REQUEST = 'MALFORMED_REQUEST',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  DUPLICATE = 'DUPLICATE',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_IN_PROGRESS = 'IDEMPOTENCY_IN_PROGRESS',
  BUSINESS_RULE_VIOLATED = 'BUSINESS_RULE_VIOLATED',
  /**
   * QUOTA-4: a street has fewer floating places left than a loan asks for (422, with the figures).
   * @deprecated a workforce code: register it with `defineServiceErrorCodes` in the workforce
   * service; kept here only until the service has moved it.
   */
  FLOATING_QUOTA_EXHAUSTED = 'FLOATING_QUOTA_EXHAUSTED',
  /**
   * PROM-3: a title promotion would push the street's 4:4:2 structure past its tolerance (422).
   * @deprecated a workforce code: register it with `defineServiceErrorCodes` in the workforce
   * service; kept here only until the service has moved it.
   */
  TITLE_STRUCTURE_EXCEEDED = 'TITLE_STRUCTURE_EXCEEDED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** 429: too many requests from this client; `details.retryAfterSeconds` (also the Retry-After header) says when to try again. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  DEPENDENCY_UNAVAILABLE = 'DEPENDENCY_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}
