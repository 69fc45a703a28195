import { defaultPortOf, globalPrefixOf } from './bootstrap';

describe('bootstrap helpers', () => {
  it('prefixes the API with api/<service> unless told otherwise, without stray slashes', () => {
    expect(globalPrefixOf({ serviceName: 'talent-pool' })).toBe('api/talent-pool');
    expect(globalPrefixOf({ serviceName: 'x', globalPrefix: '/v2/x/' })).toBe('v2/x');
  });

  it('takes the local default port from infra/local/ports.json', () => {
    expect(defaultPortOf('talent-pool')).toBe(3003);
    expect(defaultPortOf('no-such-service')).toBeUndefined();
  });
});
