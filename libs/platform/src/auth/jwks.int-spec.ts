// OIDC mode: tokens of an external issuer verified against its JWKS over real HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { OrgUnitDirectory } from '../org-units/org-unit-directory';
import { TokenVerifier } from './token-verifier';

const directory = new OrgUnitDirectory([
  { code: '31', name: '上海市', kind: 'city', parent: null },
  { code: '310101', name: '黄浦区', kind: 'district', parent: '31' },
]);

describe('TokenVerifier with AUTH_JWKS_URL', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const sign = (issuer: string, claims: Record<string, unknown> = { role: 'district', unit: '310101' }) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('op-1')
      .setIssuer(issuer)
      .setAudience('cwp-api')
      .setExpirationTime('5m')
      .sign(privateKey);

  it('accepts a token of the configured issuer and audience', async () => {
    const verifier = await TokenVerifier.create(
      { jwksUrl, issuer: 'https://idp.example', audience: 'cwp-api', localKeyFile: '/nonexistent', clockToleranceSeconds: 0 },
      directory,
    );
    expect(await verifier.verify(await sign('https://idp.example'))).toEqual({ sub: 'op-1', role: 'district', unit: '310101' });
  });

  it('rejects another issuer', async () => {
    const verifier = await TokenVerifier.create(
      { jwksUrl, issuer: 'https://idp.example', audience: 'cwp-api', localKeyFile: '/nonexistent', clockToleranceSeconds: 0 },
      directory,
    );
    await expect(verifier.verify(await sign('https://evil.example'))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'token claim iss is invalid',
    });
  });
});
