import { ApplicationFailure } from '@temporalio/client';
import { isDomainError, isRetryableCode } from '../errors';

export type ActivityFunction = (...args: any[]) => Promise<any>;
export type Activities = Record<string, ActivityFunction>;

/**
 * A business-rule failure (DomainError) becomes an ApplicationFailure with `type` = its code, so
 * workflows can branch on the code; it is non-retryable unless the code says retrying can help
 * (isRetryableCode). Anything else (network, database, Kafka) is rethrown untouched and Temporal
 * retries the activity under its retry policy.
 */
export function toActivityFailure(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    nonRetryable: !isRetryableCode(error.code),
    details: [{ code: error.code, ...(error.field ? { field: error.field } : {}), ...(error.details ? { details: error.details } : {}) }],
    cause: error,
  });
}

/** Wraps every activity so DomainErrors cross into Temporal as typed ApplicationFailures. */
export function wrapActivities<A extends Activities>(activities: A): A {
  const wrapped: Activities = {};
  for (const [name, fn] of Object.entries(activities)) {
    if (typeof fn !== 'function') throw new Error(`Activity "${name}" is not a function`);
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (error) {
        throw toActivityFailure(error);
      }
    };
  }
  return wrapped as A;
}
