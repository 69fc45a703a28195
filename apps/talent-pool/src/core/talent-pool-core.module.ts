import { Global, Module, type DynamicModule } from '@nestjs/common';
import { PiiCipher, PlatformConfig, ServiceClock, loadPiiKeys } from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import type { TalentPoolConfig } from '../config';
import { POLICY_CATALOG } from './policy-catalog';
import { TALENT_POOL_SETTINGS, type TalentPoolSettings } from './talent-pool-settings';

/**
 * The app's shared tokens, global: its settings, the policy catalog, the PII cipher and the
 * service clock. Features read them; none of them defines its own.
 */
@Global()
@Module({})
export class TalentPoolCoreModule {
  static forRoot(config: TalentPoolConfig): DynamicModule {
    const settings: TalentPoolSettings = {
      taskQueue: config.TALENT_POOL_TASK_QUEUE,
      reconcileSeconds: config.TALENT_POOL_RECONCILE_SECONDS,
      hiredConsumer: config.TALENT_POOL_HIRED_CONSUMER,
    };
    return {
      module: TalentPoolCoreModule,
      providers: [
        { provide: TALENT_POOL_SETTINGS, useValue: settings },
        { provide: POLICY_CATALOG, useFactory: defaultPolicyCatalog },
        { provide: PiiCipher, inject: [PlatformConfig], useFactory: (platform: PlatformConfig) => new PiiCipher(loadPiiKeys(config, platform.stateDir)) },
        ServiceClock,
      ],
      exports: [TALENT_POOL_SETTINGS, POLICY_CATALOG, PiiCipher, ServiceClock],
    };
  }
}
