import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, link, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** The local issuer's algorithm: Ed25519 signatures (small, fast, no parameters to get wrong). */
export const LOCAL_ALG = 'EdDSA';

interface KeyFile {
  alg: string;
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: string;
}

export interface LocalSigningKey {
  alg: string;
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * Loads the local signing key pair, creating it on first use. Creation is race-free between
 * processes (several services booting at once): the new file is written aside and hard-linked
 * into place, which fails if another process won; then everyone reads the winner's key.
 */
export async function loadOrCreateLocalSigningKey(file: string): Promise<LocalSigningKey> {
  const existing = await readKeyFile(file);
  if (existing) return importKeyFile(existing);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = await generateKeyPair(LOCAL_ALG, { crv: 'Ed25519', extractable: true });
  const kid = randomUUID();
  const content: KeyFile = {
    alg: LOCAL_ALG,
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: LOCAL_ALG },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: LOCAL_ALG },
    createdAt: new Date().toISOString(),
  };
  const temp = `${file}.${process.pid}.${kid}.tmp`;
  await writeFile(temp, JSON.stringify(content, null, 2), { mode: 0o600 });
  try {
    await link(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      await rename(temp, file);
      return importKeyFile(content);
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  const winner = await readKeyFile(file);
  if (!winner) throw new Error(`Local signing key ${file} vanished while being created`);
  return importKeyFile(winner);
}

async function readKeyFile(file: string): Promise<KeyFile | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as KeyFile;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read local signing key ${file}: ${(err as Error).message}`);
  }
}

async function importKeyFile(content: KeyFile): Promise<LocalSigningKey> {
  return {
    alg: content.alg,
    kid: content.kid,
    privateKey: (await importJWK(content.privateJwk, content.alg)) as CryptoKey,
    publicKey: (await importJWK(content.publicJwk, content.alg)) as CryptoKey,
    publicJwk: content.publicJwk,
  };
}
