import { ServiceError, type Connection, type WorkflowQueryInput } from '@temporalio/client';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { BoundedTemporalCallsInterceptor } from './bounded-calls';

/**
 * What a request waiting on a worker answers when Temporal cannot: 503 DEPENDENCY_UNAVAILABLE, never
 * a 500 (issue 8: `GET /quota-reviews/:year` answered 500 with the server's "no poller seen" while
 * the reliability tier's load starved workforce's worker). The server's real answers are covered
 * by the reliability tier; here, each kind of failure the query path meets.
 */
describe('BoundedTemporalCallsInterceptor: a query no worker answers', () => {
  // Only withDeadline is used on the query path: it runs the call (the deadline is the SDK's business).
  const connection = { withDeadline: (_deadline: number, fn: () => Promise<unknown>) => fn() } as unknown as Connection;
  const interceptor = new BoundedTemporalCallsInterceptor(connection, 'default', { updateMs: 1_000, queryMs: 1_000 });
  const input = { queryType: 'state', workflowExecution: { workflowId: 'quota-review:2027' } } as WorkflowQueryInput;
  /** A gRPC status error as @grpc/grpc-js raises it, wrapped by the SDK as its client does. */
  const grpcFailure = (code: number, details: string) =>
    new ServiceError('Failed to query Workflow', { cause: Object.assign(new Error(`${code} ${details}`), { code, details }) });
  const failing = (error: unknown) => interceptor.query(input, () => Promise.reject(error));

  it('answers 503 naming the call when the server saw no poller on its task queue (FAILED_PRECONDITION)', async () => {
    const refused = await failing(grpcFailure(9, 'FAILED_PRECONDITION: no poller seen for task queue recently, worker may be down')).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe(ErrorCode.DEPENDENCY_UNAVAILABLE);
    expect((refused as DomainError).message).toMatch(/query state of workflow quota-review:2027/);
  });

  it('answers 503 when the deadline passed (DEADLINE_EXCEEDED)', async () => {
    const refused = await failing(grpcFailure(4, 'DEADLINE_EXCEEDED: Deadline exceeded')).catch((e: unknown) => e);
    expect((refused as DomainError).code).toBe(ErrorCode.DEPENDENCY_UNAVAILABLE);
    expect((refused as DomainError).message).toMatch(/within 1000 ms/);
  });

  it('passes any other failure on unchanged (another FAILED_PRECONDITION, a not-found)', async () => {
    const other = grpcFailure(9, 'FAILED_PRECONDITION: some other precondition');
    await expect(failing(other)).rejects.toBe(other);
    const notFound = grpcFailure(5, 'NOT_FOUND: workflow not found');
    await expect(failing(notFound)).rejects.toBe(notFound);
  });

  it('returns the answer when the worker answers', async () => {
    await expect(interceptor.query(input, () => Promise.resolve({ phase: 'closed' }))).resolves.toEqual({ phase: 'closed' });
  });
});
