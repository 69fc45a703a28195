import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ServiceClock } from '@cwp/platform';
import { payrollEventContracts } from '@cwp/contracts';
import { BatchOutbox } from './batch-outbox';
import { PAYROLL_SETTINGS, type PayrollSettings } from './payroll-settings';

/**
 * What every payroll feature reads: the service settings, the clock and the batch outbox.
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
      providers: [
        { provide: PAYROLL_SETTINGS, useValue: settings },
        { provide: BatchOutbox, useFactory: () => new BatchOutbox('payroll', payrollEventContracts) },
        ServiceClock,
      ],
      exports: [PAYROLL_SETTINGS, BatchOutbox, ServiceClock],
    };
  }
}
