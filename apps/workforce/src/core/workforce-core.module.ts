import { Global, Module, type DynamicModule } from '@nestjs/common';
import { defaultPolicyCatalog } from '@cwp/policy';
import { ReferenceDataLoader } from './reference-data';
import { POLICY_CATALOG, WORKFORCE_SETTINGS, type WorkforceSettings } from './workforce-settings';

/**
 * What every workforce feature module reads: the policy catalog (versioned parameters) and the
 * service settings; loads the org tree and first quotas at start (ReferenceDataLoader).
 */
@Global()
@Module({})
export class WorkforceCoreModule {
  static forRoot(settings: WorkforceSettings): DynamicModule {
    return {
      module: WorkforceCoreModule,
      providers: [
        { provide: WORKFORCE_SETTINGS, useValue: settings },
        { provide: POLICY_CATALOG, useFactory: defaultPolicyCatalog },
        ReferenceDataLoader,
      ],
      exports: [WORKFORCE_SETTINGS, POLICY_CATALOG],
    };
  }
}
