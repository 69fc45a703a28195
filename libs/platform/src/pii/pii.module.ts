import { Global, Module, type DynamicModule } from '@nestjs/common';
import { PlatformConfig } from '../config/platform-config';
import { stateDir } from '../config/repo-paths';
import { PiiCipher } from './pii-cipher';
import { piiConfig } from './pii-config';
import { loadPiiKeys, type PiiKeys } from './pii-keys';

export interface PlatformPiiOptions {
  /** Keys to use instead of the configured ones (tests: a fresh random key). */
  keys?: PiiKeys;
}

/**
 * Provides the app's PiiCipher (global), keyed from PII_ENCRYPTION_KEY / PERSON_REF_KEY
 * (piiConfig) or, on a development machine, the local key under the state folder.
 */
@Global()
@Module({})
export class PlatformPiiModule {
  static forRoot(options: PlatformPiiOptions = {}): DynamicModule {
    return {
      module: PlatformPiiModule,
      providers: [
        {
          provide: PiiCipher,
          inject: [{ token: PlatformConfig, optional: true }],
          useFactory: (platform?: PlatformConfig) =>
            new PiiCipher(options.keys ?? loadPiiKeys(piiConfig.get(), platform?.stateDir ?? stateDir())),
        },
      ],
      exports: [PiiCipher],
    };
  }
}
