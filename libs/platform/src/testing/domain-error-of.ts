import { DomainError } from '../errors/domain-error';

/** The DomainError `promise` rejects with; throws (failing the test) if it resolves or rejects with anything else. */
export async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error('Expected a DomainError, but the promise resolved');
  if (!(outcome.error instanceof DomainError)) throw new Error(`Expected a DomainError, got ${String(outcome.error)}`);
  return outcome.error;
}
