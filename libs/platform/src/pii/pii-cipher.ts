import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { PERSON_REF_MESSAGE_PREFIX } from '@cwp/contracts';
import type { PiiKeys } from './pii-keys';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a ciphertext holds; authenticated as associated data, so a value cannot change column. */
export type PiiPurpose = 'national-id' | 'phone';

/**
 * AES-256-GCM for personal data at rest. Ciphertext text form: `v1.<iv>.<tag>.<data>` (base64url),
 * with the column's purpose as associated data so a national ID ciphertext cannot be replayed
 * into the phone column. Stored rows of every service depend on this exact format.
 */
export class PiiCipher {
  constructor(private readonly keys: PiiKeys) {}

  encrypt(plaintext: string, purpose: PiiPurpose): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.encryption, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(purpose));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  decrypt(token: string, purpose: PiiPurpose): string {
    const [version, iv, tag, data] = token.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('Unknown personal-data ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.keys.encryption, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** The keyed pseudonym of a person (contract in libs/contracts/src/workforce/worker-hired.ts). */
  personRef(nationalId: string): string {
    return derivePersonRef(nationalId, this.keys.personRef);
  }
}

/**
 * `hex(HMAC-SHA256(key, "cwp.person-ref.v1:" + ID))`, the ID trimmed and upper-cased, so every
 * service holding the same key derives the same reference and none can reverse it without the key.
 */
export function derivePersonRef(nationalId: string, key: Buffer): string {
  return createHmac('sha256', key).update(`${PERSON_REF_MESSAGE_PREFIX}${nationalId.trim().toUpperCase()}`).digest('hex');
}
