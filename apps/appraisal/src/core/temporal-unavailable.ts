import { WorkflowNotFoundError } from '@temporalio/client';
import { DomainError, ErrorCode } from '@cwp/platform';

/** gRPC codes that mean "Temporal is down or too slow", not "this request is wrong". */
const TRANSIENT_GRPC_CODES = new Set([1 /* CANCELLED */, 4 /* DEADLINE_EXCEEDED */, 8 /* RESOURCE_EXHAUSTED */, 14 /* UNAVAILABLE */]);

/**
 * An update or query an operator sends to a running workflow (close, publish, a notice decision)
 * that failed because Temporal cannot be used right now, or because the workflow is not running
 * yet (its start was deferred by an outage; the reconciler starts it when Temporal returns): 503
 * DEPENDENCY_UNAVAILABLE, retry later. Nothing was changed. Anything else: undefined (rethrow).
 */
export function temporalUnavailable(error: unknown, what: string): DomainError | undefined {
  if (error instanceof WorkflowNotFoundError)
    return new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, `${what}: its workflow is not running yet; retry shortly`);
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'number' && TRANSIENT_GRPC_CODES.has(code))
      return new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, `${what}: Temporal is unreachable; retry shortly`);
  }
  return undefined;
}
