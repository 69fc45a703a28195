import { ApplicationFailure } from '@temporalio/client';
import { DomainError, ErrorCode } from '../errors';
import { toActivityFailure, wrapActivities } from './activity-failures';

describe('activity failures', () => {
  it('a business-rule DomainError becomes a non-retryable ApplicationFailure typed with its code', () => {
    const failure = toActivityFailure(DomainError.businessRule('POOL-2', 'period over'));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: ErrorCode.BUSINESS_RULE_VIOLATED, nonRetryable: true, message: 'period over' });
  });

  it('a DomainError whose code can succeed on retry stays retryable', () => {
    expect(toActivityFailure(new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, 'db down'))).toMatchObject({ nonRetryable: false });
  });

  it('infrastructure errors pass through untouched (Temporal retries them)', () => {
    const error = new Error('ECONNRESET');
    expect(toActivityFailure(error)).toBe(error);
  });

  it('wrapActivities keeps results and converts thrown DomainErrors', async () => {
    const activities = wrapActivities({
      ok: async (n: number) => n + 1,
      bad: async () => {
        throw DomainError.conflict('stale');
      },
    });
    await expect(activities.ok(1)).resolves.toBe(2);
    await expect(activities.bad()).rejects.toMatchObject({ type: ErrorCode.CONFLICT, nonRetryable: true });
  });
});
