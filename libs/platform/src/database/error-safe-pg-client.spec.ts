import { serviceDataSourceOptions } from './data-source.factory';
import { ErrorSafePgClient } from './error-safe-pg-client';

describe('pool clients never crash the process on a lost connection', () => {
  it('the service pool uses ErrorSafePgClient', () => {
    const options = serviceDataSourceOptions({ url: 'postgres://u:p@127.0.0.1:1/db', schema: 'svc' }) as { extra?: { Client?: unknown } };
    expect(options.extra?.Client).toBe(ErrorSafePgClient);
  });

  it('an error event on a checked-out client is handled (an unhandled one would throw)', () => {
    const client = new ErrorSafePgClient({ connectionString: 'postgres://u:p@127.0.0.1:1/db' });
    const error = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(() => client.emit('error', error)).not.toThrow();
  });
});
