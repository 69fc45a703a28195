import { Global, Module, type DynamicModule } from '@nestjs/common';
import { PlatformPiiModule, PlatformPolicyModule, ServiceClock } from '@cwp/platform';
import type { TalentPoolConfig } from '../config';
import { TALENT_POOL_SETTINGS, type TalentPoolSettings } from './talent-pool-settings';

/**
 * The app's shared tokens, global: its settings, the service clock, the policy catalog
 * (PlatformPolicyModule: POLICY_CATALOG) and the PII cipher (PlatformPiiModule: PiiCipher).
 * Features read them; none of them defines its own.
 */
@Global()
@Module({})
export class TalentPoolCoreModule {
  static forRoot(config: TalentPoolConfig): DynamicModule {
    const settings: TalentPoolSettings = {
      taskQueue: config.TALENT_POOL_TASK_QUEUE,
      hiredConsumer: config.TALENT_POOL_HIRED_CONSUMER,
    };
    return {
      module: TalentPoolCoreModule,
      imports: [PlatformPolicyModule.forRoot(), PlatformPiiModule.forRoot()],
      providers: [{ provide: TALENT_POOL_SETTINGS, useValue: settings }, ServiceClock],
      exports: [TALENT_POOL_SETTINGS, ServiceClock, PlatformPolicyModule, PlatformPiiModule],
    };
  }
}
