import { isDependencyFailure } from './dependency-failure';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('a backing server down is a 503, not a 500', () => {
  it.each([
    ['a backend killed by pg_terminate_backend', withCode('terminating connection due to administrator command', '57P01')],
    ['a connection exception', withCode('connection failure', '08006')],
    ['a deadlock', withCode('deadlock detected', '40P01')],
    ['the pool losing its socket', new Error('Connection terminated unexpectedly')],
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    [
      'TypeORM after the connection died',
      Object.assign(new Error('Database connection provided by a query runner was already released'), {
        name: 'QueryRunnerProviderAlreadyReleasedError',
      }),
    ],
    [
      'Temporal down (a gRPC UNAVAILABLE under the client ServiceError)',
      Object.assign(new Error('Failed to query workflow'), {
        cause: Object.assign(new Error('14 UNAVAILABLE'), { code: 14, metadata: {} }),
      }),
    ],
    ['a Temporal update out of time', Object.assign(new Error('Timeout expired'), { name: 'WorkflowUpdateRPCTimeoutOrCancelledError' })],
    [
      'TypeORM committing on a connection that died',
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }),
    ],
    ['a TypeORM wrapper of one', Object.assign(new Error('Query failed'), { driverError: withCode('x', '57P01') })],
  ])('%s', (_name, error) => expect(isDependencyFailure(error)).toBe(true));

  it.each([
    ['a not-null violation (our bug)', withCode('null value in column', '23502')],
    ['a plain error', new Error('boom')],
    ['a gRPC refusal (INVALID_ARGUMENT)', Object.assign(new Error('3 INVALID_ARGUMENT'), { code: 3, metadata: {} })],
    ['not an error', 'Connection terminated'],
  ])('not %s', (_name, error) => expect(isDependencyFailure(error)).toBe(false));
});
