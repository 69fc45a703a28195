import { Global, Module, type DynamicModule } from '@nestjs/common';
import { PlatformPiiModule, PlatformPolicyModule, ServiceClock, type PlatformPolicyOptions } from '@cwp/platform';
import './training-errors';
import { TRAINING_SEARCH_ATTRIBUTES, TRAINING_SETTINGS, type TrainingSettings } from './training-settings';

export interface TrainingCoreOptions {
  settings: TrainingSettings;
  /** Tests pin a policy catalog here; the service uses the shipped versions. */
  policy?: PlatformPolicyOptions;
  /** false only against the time-skipping test server. */
  searchAttributes?: boolean;
}

/**
 * The app's shared tokens, global: its settings, the service clock, the policy catalog
 * (PlatformPolicyModule: POLICY_CATALOG) and the PII cipher; registers the service's error codes.
 * It imports no feature, so every feature may import it.
 */
@Global()
@Module({})
export class TrainingCoreModule {
  static forRoot(options: TrainingCoreOptions): DynamicModule {
    return {
      module: TrainingCoreModule,
      imports: [PlatformPolicyModule.forRoot(options.policy), PlatformPiiModule.forRoot()],
      providers: [
        { provide: TRAINING_SETTINGS, useValue: options.settings },
        { provide: TRAINING_SEARCH_ATTRIBUTES, useValue: options.searchAttributes ?? true },
        ServiceClock,
      ],
      exports: [TRAINING_SETTINGS, TRAINING_SEARCH_ATTRIBUTES, ServiceClock, PlatformPolicyModule, PlatformPiiModule],
    };
  }
}
