import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT, generateKeyPair } from 'jose';
import type { AuthSettings } from '../config/platform-config';
import { OrgUnitDirectory } from '../org-units/org-unit-directory';
import { loadOrCreateLocalSigningKey } from './local-signing-key';
import { mintLocalToken } from './mint-token';
import { TokenVerifier } from './token-verifier';

const directory = new OrgUnitDirectory([
  { code: '31', name: '上海市', kind: 'city', parent: null },
  { code: '310101', name: '黄浦区', kind: 'district', parent: '31' },
  { code: '310101002', name: '南京东路街道', kind: 'street', parent: '310101' },
]);

describe('local tokens (mint and verify)', () => {
  let dir: string;
  let settings: AuthSettings;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cwp-auth-'));
    settings = { issuer: 'cwp-local', audience: 'cwp', localKeyFile: path.join(dir, 'auth', 'key.json'), clockToleranceSeconds: 0 };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips sub, role and unit, creating the key file on first use (private, 0600)', async () => {
    const token = await mintLocalToken({ role: 'street', unit: '310101002', sub: 'alice' }, settings, directory);
    const principal = await (await TokenVerifier.create(settings, directory)).verify(token);
    expect(principal).toEqual({ sub: 'alice', role: 'street', unit: '310101002' });
    expect(statSync(settings.localKeyFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(settings.localKeyFile, 'utf8'))).toHaveProperty('publicJwk.crv', 'Ed25519');
  });

  it('concurrent first use by several processes ends with one key', async () => {
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateLocalSigningKey(settings.localKeyFile)));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
  });

  it('refuses to mint a unit that does not suit the role or is not in the tree', async () => {
    await expect(mintLocalToken({ role: 'street', unit: '310101' }, settings, directory)).rejects.toThrow(
      /role street needs a street unit/,
    );
    await expect(mintLocalToken({ role: 'district', unit: '310199' }, settings, directory)).rejects.toThrow(/not in the org tree/);
  });

  it('remembers a verified token until its expiry, then checks it again and refuses it (issue 15)', async () => {
    const verifier = await TokenVerifier.create(settings, directory);
    const token = await mintLocalToken({ role: 'city', unit: '31', ttl: '60s' }, settings, directory);
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toBe(first); // the same frozen principal: not verified again
    jest.useFakeTimers({ now: Date.now() + 120_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'token expired' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('remembers no refusal: a token refused once is refused again on its own merits', async () => {
    const verifier = await TokenVerifier.create(settings, directory);
    const forged = (await mintLocalToken({ role: 'city', unit: '31' }, settings, directory)).slice(0, -2) + 'xx';
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('rejects an expired token, a wrong audience and a foreign signature as UNAUTHENTICATED', async () => {
    const verifier = await TokenVerifier.create(settings, directory);
    const expired = await mintLocalToken({ role: 'city', unit: '31', ttl: '-1s' }, settings, directory);
    await expect(verifier.verify(expired)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'token expired' });

    const otherAudience = await mintLocalToken({ role: 'city', unit: '31' }, { ...settings, audience: 'elsewhere' }, directory);
    await expect(verifier.verify(otherAudience)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'token claim aud is invalid' });

    const foreign = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ role: 'city', unit: '31' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('mallory')
      .setIssuer('cwp-local')
      .setAudience('cwp')
      .setExpirationTime('1h')
      .sign(foreign.privateKey);
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'token signature is invalid' });
    await expect(verifier.verify('not-a-token')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('rejects a validly signed token whose unit does not suit its role', async () => {
    const key = await loadOrCreateLocalSigningKey(settings.localKeyFile);
    const token = await new SignJWT({ role: 'street', unit: '310101' })
      .setProtectedHeader({ alg: key.alg })
      .setSubject('bob')
      .setIssuer('cwp-local')
      .setAudience('cwp')
      .setExpirationTime('1h')
      .sign(key.privateKey);
    await expect((await TokenVerifier.create(settings, directory)).verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/needs a street unit/),
    });
  });
});
