import { Global, Module, type DynamicModule } from '@nestjs/common';
import { defaultPolicyCatalog, type PolicyCatalog } from '@cwp/policy';
import { POLICY_CATALOG } from './policy-catalog.token';

export interface PlatformPolicyOptions {
  /** Default: the shipped parameter versions (`defaultPolicyCatalog`). Tests pass their own. */
  catalog?: () => PolicyCatalog;
}

/**
 * Provides POLICY_CATALOG to the whole app (global): inject it with
 * `@Inject(POLICY_CATALOG) catalog: PolicyCatalog`. Turn PolicyErrors into DomainErrors with
 * `decide(() => …)` (policy-errors.ts).
 */
@Global()
@Module({})
export class PlatformPolicyModule {
  static forRoot(options: PlatformPolicyOptions = {}): DynamicModule {
    return {
      module: PlatformPolicyModule,
      providers: [{ provide: POLICY_CATALOG, useFactory: options.catalog ?? defaultPolicyCatalog }],
      exports: [POLICY_CATALOG],
    };
  }
}
