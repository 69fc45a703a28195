import { createHmac, randomBytes } from 'node:crypto';
import { PiiCipher } from './pii-cipher';
import { derivePersonRefKey, parseKey } from './pii-keys';

describe('worker national ID at rest and personRef (POOL-3 matching contract)', () => {
  const encryption = randomBytes(32);
  const cipher = new PiiCipher({ encryption, personRef: derivePersonRefKey(encryption) });
  const id = '11010519491231002X';

  it('round-trips the ID and never stores it in clear', () => {
    const token = cipher.encrypt(id, 'national-id');
    expect(token).not.toContain(id);
    expect(cipher.decrypt(token, 'national-id')).toBe(id);
  });

  it('personRef follows libs/contracts worker-hired.ts: HMAC-SHA256 over "cwp.person-ref.v1:" + upper-cased ID', () => {
    const expected = createHmac('sha256', derivePersonRefKey(encryption)).update(`cwp.person-ref.v1:${id}`).digest('hex');
    expect(cipher.personRef(` ${id.toLowerCase()} `)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keys are 32 bytes, as hex or base64', () => {
    expect(parseKey('ab'.repeat(32), 'K')).toHaveLength(32);
    expect(() => parseKey('abcd', 'K')).toThrow(/32 bytes/);
  });
});
