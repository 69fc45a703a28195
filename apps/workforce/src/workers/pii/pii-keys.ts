import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hkdfSync, randomBytes } from 'node:crypto';

/**
 * The two secrets protecting a worker's national ID: one encrypts it, one pseudonymises it
 * (`personRef`). Derived exactly as the talent pool derives them (apps/talent-pool/src/pii), so
 * both services compute the same personRef for one person — the contract of worker.hired.v1.
 * TODO(platform): move this and PiiCipher into @cwp/platform so the two copies cannot drift.
 */
export interface PiiKeys {
  encryption: Buffer;
  personRef: Buffer;
}

export function parseKey(value: string, name: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes (64 hex characters or base64)`);
  return key;
}

/** HKDF-SHA256 sub-key (info "cwp.person-ref.v1"), as in the talent pool. */
export function derivePersonRefKey(encryptionKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'cwp.person-ref.v1', 32));
}

export interface PiiKeySettings {
  PII_ENCRYPTION_KEY?: string | undefined;
  PERSON_REF_KEY?: string | undefined;
  NODE_ENV: string;
}

/**
 * Without PII_ENCRYPTION_KEY a development machine uses the local key file `<state>/pii/pii-encryption-key`
 * that every local service shares (created once, mode 0600); production refuses to start.
 */
export function loadPiiKeys(settings: PiiKeySettings, stateDir: string): PiiKeys {
  let encryptionText = settings.PII_ENCRYPTION_KEY;
  if (!encryptionText) {
    if (settings.NODE_ENV === 'production') throw new Error('PII_ENCRYPTION_KEY is required in production');
    encryptionText = localDevelopmentKey(path.join(stateDir, 'pii', 'pii-encryption-key'));
  }
  const encryption = parseKey(encryptionText, 'PII_ENCRYPTION_KEY');
  const personRef = settings.PERSON_REF_KEY ? parseKey(settings.PERSON_REF_KEY, 'PERSON_REF_KEY') : derivePersonRefKey(encryption);
  return { encryption, personRef };
}

function localDevelopmentKey(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      // 'wx': services starting together must not overwrite each other's fresh key.
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}
