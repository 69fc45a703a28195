import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type CryptoKey } from 'jose';
import type { AuthSettings } from '../config/platform-config';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import type { OrgUnitDirectory } from '../org-units/org-unit-directory';
import { loadOrCreateLocalSigningKey, LOCAL_ALG } from './local-signing-key';
import { isRole, Principal, roleUnitProblems } from './principal';

/** Verified tokens remembered at most (a bounded map: the oldest entry goes first). */
const CACHE_ENTRIES = 10_000;

/**
 * Verifies bearer tokens into a Principal: signature (local key or the issuer's JWKS), issuer,
 * audience, expiry, and that the claimed unit exists and suits the role. Every failure is
 * UNAUTHENTICATED with a reason; the token itself is never echoed or logged.
 *
 * A token that verified is remembered, keyed by the token itself, until its expiry (issue 15: the
 * signature check was 13 % of a GET's CPU, and a client sends the same token for its whole life;
 * a SHA-256 of the token as the key was still 1.3 %, and the Map hashes the string natively; the
 * token is in this process's memory either way, while the request holds it). Only
 * successes are remembered, so a refusal is always re-checked; a token is never valid beyond its
 * `exp`, and the unit check against the org tree ran when it was first verified.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  private constructor(
    private readonly key: CryptoKey | JWTVerifyGetKey,
    private readonly algorithms: string[] | undefined,
    private readonly settings: AuthSettings,
    private readonly directory: OrgUnitDirectory,
  ) {}

  static async create(settings: AuthSettings, directory: OrgUnitDirectory): Promise<TokenVerifier> {
    if (settings.jwksUrl) {
      // Production: any OIDC issuer; keys fetched and cached by jose, rotated by kid.
      return new TokenVerifier(createRemoteJWKSet(new URL(settings.jwksUrl)), undefined, settings, directory);
    }
    const local = await loadOrCreateLocalSigningKey(settings.localKeyFile);
    return new TokenVerifier(local.publicKey, [LOCAL_ALG], settings, directory);
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known.principal;
    if (known) this.verified.delete(token);
    const { principal, expiresAtMs } = await this.verifyUncached(token);
    if (this.verified.size >= CACHE_ENTRIES) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, expiresAtMs });
    return principal;
  }

  private async verifyUncached(token: string): Promise<{ principal: Principal; expiresAtMs: number }> {
    let payload: JWTPayload;
    try {
      const verifyOptions = {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: this.settings.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
        ...(this.algorithms ? { algorithms: this.algorithms } : {}),
      };
      ({ payload } =
        typeof this.key === 'function' ? await jwtVerify(token, this.key, verifyOptions) : await jwtVerify(token, this.key, verifyOptions));
    } catch (err) {
      throw unauthenticated(describeJoseError(err));
    }
    const { sub, role, unit } = payload as JWTPayload & { role?: unknown; unit?: unknown };
    if (typeof sub !== 'string' || sub === '') throw unauthenticated('token has no subject');
    if (!isRole(role)) throw unauthenticated('token role must be city, district, street or system');
    if (typeof unit !== 'string') throw unauthenticated('token has no unit');
    const problems = roleUnitProblems(role, unit, this.directory);
    if (problems.length) throw unauthenticated(`token ${problems.join('; ')}`);
    return { principal: Object.freeze({ sub, role, unit }), expiresAtMs: payload.exp! * 1000 };
  }
}

export function unauthenticated(message: string): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, message);
}

function describeJoseError(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'token expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `token claim ${err.claim} is invalid`;
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (err instanceof joseErrors.JWKSNoMatchingKey) return 'token signed by an unknown key';
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'token algorithm is not allowed';
  if (err instanceof joseErrors.JWSInvalid || err instanceof joseErrors.JWTInvalid) return 'token is malformed';
  return 'token could not be verified';
}
