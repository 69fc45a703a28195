import { SignJWT } from 'jose';
import type { AuthSettings } from '../config/platform-config';
import type { OrgUnitDirectory } from '../org-units/org-unit-directory';
import { loadOrCreateLocalSigningKey } from './local-signing-key';
import { assertRoleSuitsUnit, Role } from './principal';

export interface MintTokenInput {
  role: Role;
  unit: string;
  sub?: string;
  /** jose duration: `8h`, `30m`, `7d`. */
  ttl?: string;
}

/** Signs a token with the local key (local development and tests only; production uses OIDC). */
export async function mintLocalToken(input: MintTokenInput, settings: AuthSettings, directory: OrgUnitDirectory): Promise<string> {
  assertRoleSuitsUnit(input.role, input.unit, directory);
  const key = await loadOrCreateLocalSigningKey(settings.localKeyFile);
  return new SignJWT({ role: input.role, unit: input.unit })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setSubject(input.sub ?? `${input.role}-${input.unit}`)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(input.ttl ?? '8h')
    .sign(key.privateKey);
}
