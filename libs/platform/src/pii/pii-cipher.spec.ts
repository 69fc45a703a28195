import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PiiCipher, derivePersonRef } from './pii-cipher';
import { derivePersonRefKey, loadPiiKeys, parsePiiKey } from './pii-keys';

const keys = { encryption: randomBytes(32), personRef: randomBytes(32) };

describe('PiiCipher (AES-256-GCM at rest)', () => {
  const cipher = new PiiCipher(keys);

  it('round-trips, with a fresh IV each time, and never stores the clear text', () => {
    const a = cipher.encrypt('31010419900307123X', 'national-id');
    const b = cipher.encrypt('31010419900307123X', 'national-id');
    expect(a).not.toBe(b);
    expect(a).not.toContain('31010419900307123X');
    expect(a).toMatch(/^v1\./);
    expect(cipher.decrypt(a, 'national-id')).toBe('31010419900307123X');
  });

  it('refuses a ciphertext moved to another column (purpose is authenticated) or tampered with', () => {
    const token = cipher.encrypt('13812345678', 'phone');
    expect(() => cipher.decrypt(token, 'national-id')).toThrow();
    const [v, iv, tag, data] = token.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'), 'phone')).toThrow();
  });

  it('still decrypts what the services stored before the helpers moved here (fixed key 0x07 x 32)', () => {
    const encryption = Buffer.alloc(32, 7);
    const stored = new PiiCipher({ encryption, personRef: derivePersonRefKey(encryption) });
    expect(stored.decrypt('v1.97UVnVHgBIsMdRcD.GBO1GwnKDznaTkuuDFPPmA.pyPWk2cgIcW3ybj-GhhaDWAB', 'national-id')).toBe('31010419900307123X');
    expect(stored.decrypt('v1.YOCW8jGmVBsIhVrw.UPKmkF2DZ5Gjm9767SHXqA.AGtfIouQ0O67Nlg', 'phone')).toBe('13812345678');
  });

  it('refuses a key of the wrong length', () => {
    expect(() => parsePiiKey('abcd', 'PII_ENCRYPTION_KEY')).toThrow(/32 bytes/);
    expect(parsePiiKey('00'.repeat(32), 'K')).toHaveLength(32);
    expect(parsePiiKey('ab'.repeat(32), 'K')).toHaveLength(32);
    expect(parsePiiKey(Buffer.alloc(32, 7).toString('base64'), 'K')).toEqual(Buffer.alloc(32, 7));
  });
});

describe('personRef derivation (contract of cwp.workforce.worker.hired.v1)', () => {
  it('is hex HMAC-SHA256 of "cwp.person-ref.v1:" + the upper-cased, trimmed ID', () => {
    const expected = createHmac('sha256', keys.personRef).update('cwp.person-ref.v1:31010419900307123X').digest('hex');
    expect(derivePersonRef(' 31010419900307123x ', keys.personRef)).toBe(expected);
    expect(new PiiCipher(keys).personRef('31010419900307123X')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('matches a vector derived independently from PII_ENCRYPTION_KEY alone (HKDF then HMAC), as both services store it', () => {
    const master = Buffer.alloc(32, 7);
    const refKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'cwp.person-ref.v1', 32));
    const vector = createHmac('sha256', refKey).update('cwp.person-ref.v1:31010419900307123X').digest('hex');
    const loaded = loadPiiKeys({ PII_ENCRYPTION_KEY: master.toString('hex'), NODE_ENV: 'production' }, '/nonexistent');
    expect(new PiiCipher(loaded).personRef(' 31010419900307123x ')).toBe(vector);
    // The value the talent pool stored with this key before the helpers moved to the platform.
    expect(vector).toBe('cb768a22875ac9b3b6724e4f4d9e44f93bb3237b463dbf5ad9025269df1c8dd8');
  });

  it('differs by key, so a leaked reference cannot be recomputed without the key', () => {
    expect(derivePersonRef('31010419900307123X', randomBytes(32))).not.toBe(derivePersonRef('31010419900307123X', keys.personRef));
  });

  it('defaults the person-ref key to HKDF-SHA256(PII_ENCRYPTION_KEY, info "cwp.person-ref.v1")', () => {
    const master = randomBytes(32);
    const expected = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'cwp.person-ref.v1', 32));
    expect(derivePersonRefKey(master)).toEqual(expected);
    const loaded = loadPiiKeys({ PII_ENCRYPTION_KEY: master.toString('hex'), NODE_ENV: 'production' }, '/nonexistent');
    expect(loaded).toEqual({ encryption: master, personRef: expected });
  });

  it('takes PERSON_REF_KEY when it is set', () => {
    const personRef = randomBytes(32);
    const loaded = loadPiiKeys(
      { PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'), PERSON_REF_KEY: personRef.toString('base64'), NODE_ENV: 'production' },
      '/nonexistent',
    );
    expect(loaded.personRef).toEqual(personRef);
  });
});

describe('loadPiiKeys', () => {
  it('stops a production start without PII_ENCRYPTION_KEY', () => {
    expect(() => loadPiiKeys({ NODE_ENV: 'production' }, '/nonexistent')).toThrow(/PII_ENCRYPTION_KEY is required/);
  });

  it('creates one local development key (mode 0600) and reuses it', () => {
    const state = mkdtempSync(path.join(tmpdir(), 'platform-pii-'));
    const first = loadPiiKeys({ NODE_ENV: 'development' }, state);
    const second = loadPiiKeys({ NODE_ENV: 'development' }, state);
    expect(second).toEqual(first);
    const file = path.join(state, 'pii', 'pii-encryption-key');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.encryption.toString('hex'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
