import 'reflect-metadata';
import { bootstrapService, validateConfigOrExit } from '@cwp/platform';
import { appraisalConfig } from './config';

const SERVICE = { serviceName: 'appraisal', configs: [appraisalConfig] };

async function main(): Promise<void> {
  // Validate every variable first (exits listing each problem): app.module reads them at load.
  validateConfigOrExit(SERVICE);
  const { AppModule } = require('./app.module') as typeof import('./app.module');
  await bootstrapService({
    ...SERVICE,
    module: AppModule,
    title: 'Appraisal API',
    description:
      'Yearly multi-rater appraisal (APPR-1..4), calibrated grades (APPR-2), the per-worker performance record with admonishment and the two-year exit (APPR-5, EXIT-2, EXIT-3), appeals and the top ten (APPR-6).',
  });
}

main().catch((error: unknown) => {
  console.error('appraisal failed to start', error);
  process.exit(1);
});
