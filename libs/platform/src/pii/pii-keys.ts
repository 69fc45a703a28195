import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hkdfSync, randomBytes } from 'node:crypto';

/** HKDF info of the person-ref sub-key; changing it changes every stored person_ref. */
export const PERSON_REF_KEY_INFO = 'cwp.person-ref.v1';

/** The two secrets that protect personal data: one encrypts, one pseudonymises (personRef). */
export interface PiiKeys {
  encryption: Buffer;
  personRef: Buffer;
}

/** A 32-byte key given as 64 hex characters or as base64. */
export function parsePiiKey(value: string, name: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes (64 hex characters or base64)`);
  return key;
}

/** HKDF-SHA256 sub-key, so one configured secret can serve both purposes without reuse. */
export function derivePersonRefKey(encryptionKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), PERSON_REF_KEY_INFO, 32));
}

export interface PiiKeySettings {
  PII_ENCRYPTION_KEY?: string | undefined;
  PERSON_REF_KEY?: string | undefined;
  NODE_ENV: string;
}

/** Where a development machine keeps its generated key, below the state dir (`.state`). */
export function localPiiKeyFile(stateDir: string): string {
  return path.join(stateDir, 'pii', 'pii-encryption-key');
}

/**
 * Keys from config. Without PII_ENCRYPTION_KEY a development machine gets a random key written
 * once to `<state>/pii/pii-encryption-key` (mode 0600) and reused by every local service (so the
 * services derive the same personRef); in production a missing key stops start-up.
 * `PERSON_REF_KEY` defaults to HKDF-SHA256(PII_ENCRYPTION_KEY, info "cwp.person-ref.v1").
 */
export function loadPiiKeys(settings: PiiKeySettings, stateDir: string): PiiKeys {
  let encryptionText = settings.PII_ENCRYPTION_KEY;
  if (!encryptionText) {
    if (settings.NODE_ENV === 'production') throw new Error('PII_ENCRYPTION_KEY is required in production');
    encryptionText = localDevelopmentKey(localPiiKeyFile(stateDir));
  }
  const encryption = parsePiiKey(encryptionText, 'PII_ENCRYPTION_KEY');
  const personRef = settings.PERSON_REF_KEY ? parsePiiKey(settings.PERSON_REF_KEY, 'PERSON_REF_KEY') : derivePersonRefKey(encryption);
  return { encryption, personRef };
}

function localDevelopmentKey(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      // 'wx': two services starting together must not overwrite each other's fresh key.
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}
