import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ServiceClock } from '@cwp/platform';
import { PAYROLL_SETTINGS, type PayrollSettings } from './payroll-settings';

/**
 * What every payroll feature reads: the service settings and the clock. Batch paths append their
 * events with the platform's `OutboxWriter.appendMany`.
 * kit: the policy catalog and PII cipher come through PlatformPolicyModule / PlatformPiiModule once
 * shape-kit is merged; payroll holds no personal data, and its catalog is stored versions
 * (policy-versions feature).
 */
@Global()
@Module({})
export class PayrollCoreModule {
  static forRoot(settings: PayrollSettings): DynamicModule {
    return {
      module: PayrollCoreModule,
      providers: [{ provide: PAYROLL_SETTINGS, useValue: settings }, ServiceClock],
      exports: [PAYROLL_SETTINGS, ServiceClock],
    };
  }
}
