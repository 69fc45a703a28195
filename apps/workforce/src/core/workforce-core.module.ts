import { Global, Module, type DynamicModule } from '@nestjs/common';
import { PlatformPiiModule, PlatformPolicyModule, type PlatformPiiOptions, type PlatformPolicyOptions } from '@cwp/platform';
import './workforce-errors';
import { WORKFORCE_SETTINGS, type WorkforceSettings } from './workforce-settings';

export interface WorkforceCoreOptions {
  settings: WorkforceSettings;
  /** Tests pin a policy catalog or PII keys here; the service uses the shipped catalog and its configured keys. */
  policy?: PlatformPolicyOptions;
  pii?: PlatformPiiOptions;
}

/**
 * What every workforce feature reads: the service settings (WORKFORCE_SETTINGS), the policy
 * catalog (POLICY_CATALOG, PlatformPolicyModule) and the PII cipher (PlatformPiiModule); registers
 * the service's error codes (workforce-errors.ts). It imports no feature, so every feature may
 * import it (the start-up loader of the org tree is the reference-data folder).
 */
@Global()
@Module({})
export class WorkforceCoreModule {
  static forRoot(options: WorkforceCoreOptions): DynamicModule {
    return {
      module: WorkforceCoreModule,
      imports: [PlatformPolicyModule.forRoot(options.policy), PlatformPiiModule.forRoot(options.pii)],
      providers: [{ provide: WORKFORCE_SETTINGS, useValue: options.settings }],
      exports: [WORKFORCE_SETTINGS],
    };
  }
}
