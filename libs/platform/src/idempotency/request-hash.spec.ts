import { canonicalJson, requestHash } from './request-hash';

describe('request hash', () => {
  it('ignores key order but not values, method or path', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    const h = requestHash('POST', '/api/x', { a: 1, b: 2 });
    expect(requestHash('post', '/api/x', { b: 2, a: 1 })).toBe(h);
    expect(requestHash('POST', '/api/x', { a: 1, b: 3 })).not.toBe(h);
    expect(requestHash('PUT', '/api/x', { a: 1, b: 2 })).not.toBe(h);
    expect(requestHash('POST', '/api/y', { a: 1, b: 2 })).not.toBe(h);
  });
});
