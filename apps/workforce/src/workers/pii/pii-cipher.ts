import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { PERSON_REF_MESSAGE_PREFIX } from '@cwp/contracts';
import type { PiiKeys } from './pii-keys';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for the national ID at rest (`v1.<iv>.<tag>.<data>`, base64url), the column's
 * purpose as associated data; and `personRef`, the keyed hash defined in libs/contracts
 * worker-hired.ts, the only form of the ID that leaves the service.
 */
export class PiiCipher {
  constructor(private readonly keys: PiiKeys) {}

  encrypt(plaintext: string, purpose: 'national-id'): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.encryption, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(purpose));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  decrypt(token: string, purpose: 'national-id'): string {
    const [version, iv, tag, data] = token.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('Unknown personal-data ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.keys.encryption, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** `hex(HMAC-SHA256(key, "cwp.person-ref.v1:" + ID))`, the ID trimmed and upper-cased. */
  personRef(nationalId: string): string {
    return createHmac('sha256', this.keys.personRef).update(`${PERSON_REF_MESSAGE_PREFIX}${nationalId.trim().toUpperCase()}`).digest('hex');
  }
}
