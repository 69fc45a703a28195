import { systemRefusal } from './system-access';

describe('the system role reads what its scope allows and never writes (issue 14)', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s is refused unless the route names the system role', (method) => {
    expect(systemRefusal(method, undefined, undefined)).toMatch(/only read/);
    expect(systemRefusal(method, ['city', 'district', 'street'], true)).toMatch(/only read/);
    // A route built for machines (an e-learning system's completions) names `system` itself.
    expect(systemRefusal(method, ['system'], undefined)).toBeUndefined();
  });

  it('reads a GET route open to every role or to city operators', () => {
    expect(systemRefusal('GET', undefined, undefined)).toBeUndefined();
    expect(systemRefusal('GET', ['city', 'district', 'street'], undefined)).toBeUndefined();
    expect(systemRefusal('get', ['city'], undefined)).toBeUndefined();
    expect(systemRefusal('HEAD', ['city'], undefined)).toBeUndefined();
  });

  it('not a GET route that city operators may not call, nor one marked @NoSystemRead()', () => {
    expect(systemRefusal('GET', ['district', 'street'], undefined)).toMatch(/needs role district or street/);
    expect(systemRefusal('GET', ['city'], false)).toMatch(/not open to the system role/);
  });
});
