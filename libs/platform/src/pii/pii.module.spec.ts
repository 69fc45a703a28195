import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PlatformConfig } from '../config/platform-config';
import { syntheticNationalId } from '../testing/national-id';
import { PiiCipher, derivePersonRef } from './pii-cipher';
import { localPiiKeyFile, derivePersonRefKey, type PiiKeys } from './pii-keys';
import { PlatformPiiModule } from './pii.module';

describe('PlatformPiiModule', () => {
  it('provides a PiiCipher keyed with the keys given (tests)', async () => {
    const encryption = Buffer.alloc(32, 7);
    const keys: PiiKeys = { encryption, personRef: derivePersonRefKey(encryption) };
    const moduleRef = await Test.createTestingModule({ imports: [PlatformPiiModule.forRoot({ keys })] }).compile();
    const cipher = moduleRef.get(PiiCipher);
    const id = syntheticNationalId();
    expect(cipher.decrypt(cipher.encrypt(id, 'national-id'), 'national-id')).toBe(id);
    expect(cipher.personRef(id)).toBe(derivePersonRef(id, keys.personRef));
  });

  it('without keys and without PII_ENCRYPTION_KEY, uses the local key under the platform state folder', async () => {
    if (process.env.PII_ENCRYPTION_KEY) return; // a developer's own key: nothing local to check
    const state = mkdtempSync(path.join(tmpdir(), 'pii-module-'));
    try {
      @Global()
      @Module({ providers: [{ provide: PlatformConfig, useValue: { stateDir: state } }], exports: [PlatformConfig] })
      class FakePlatformConfigModule {}
      const moduleRef = await Test.createTestingModule({ imports: [FakePlatformConfigModule, PlatformPiiModule.forRoot()] }).compile();
      const cipher = moduleRef.get(PiiCipher);
      expect(existsSync(localPiiKeyFile(state))).toBe(true);
      expect(cipher.decrypt(cipher.encrypt('13800000000', 'phone'), 'phone')).toBe('13800000000');
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });
});
