import 'reflect-metadata';
import { bootstrapService, piiConfig, validateConfigOrExit } from '@cwp/platform';
import { workforceConfig } from './config';

const SERVICE = { serviceName: 'workforce', configs: [workforceConfig, piiConfig] };

async function main(): Promise<void> {
  // Validate every variable first (exits listing each problem): app.module reads them at load.
  validateConfigOrExit(SERVICE);
  const { AppModule } = require('./app.module') as typeof import('./app.module');
  await bootstrapService({
    ...SERVICE,
    module: AppModule,
    title: 'Workforce API',
    description: 'System of record of the community workforce: org tree, staffing quotas (QUOTA-1..6), roster, promotion and exit.',
  });
}

main().catch((error: unknown) => {
  console.error('workforce failed to start', error);
  process.exit(1);
});
