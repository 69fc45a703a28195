import { Global, Module, type DynamicModule } from '@nestjs/common';
import { PlatformPiiModule, PlatformPolicyModule, ServiceClock } from '@cwp/platform';
import { RECRUITMENT_SETTINGS, type RecruitmentSettings } from './recruitment-settings';

/**
 * The app's shared tokens, global: its settings, the service clock, the policy catalog
 * (PlatformPolicyModule: POLICY_CATALOG) and the PII cipher (PlatformPiiModule: PiiCipher, whose
 * personRef is the same keyed hash the talent pool and the workforce service use).
 */
@Global()
@Module({})
export class RecruitmentCoreModule {
  static forRoot(settings: RecruitmentSettings): DynamicModule {
    return {
      module: RecruitmentCoreModule,
      imports: [PlatformPolicyModule.forRoot(), PlatformPiiModule.forRoot()],
      providers: [{ provide: RECRUITMENT_SETTINGS, useValue: settings }, ServiceClock],
      exports: [RECRUITMENT_SETTINGS, ServiceClock, PlatformPolicyModule, PlatformPiiModule],
    };
  }
}
