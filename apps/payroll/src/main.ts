import 'reflect-metadata';
import { bootstrapService, validateConfigOrExit } from '@cwp/platform';
import { payrollConfig } from './config';

const SERVICE = { serviceName: 'payroll', configs: [payrollConfig] };

async function main(): Promise<void> {
  // Validate every variable first (exits listing each problem): app.module reads them at load.
  validateConfigOrExit(SERVICE);
  const { AppModule } = require('./app.module') as typeof import('./app.module');
  await bootstrapService({
    ...SERVICE,
    module: AppModule,
    title: 'Payroll API',
    description:
      'Pay of the community workforce: the 3×18 matrix (POST-1, PAY-2), the city average wage, policy versions and the yearly recalibration (PAY-3..8).',
  });
}

main().catch((error: unknown) => {
  console.error('payroll failed to start', error);
  process.exit(1);
});
