import 'reflect-metadata';
import { bootstrapService, piiConfig, validateConfigOrExit } from '@cwp/platform';
import { talentPoolConfig } from './config';

const SERVICE = { serviceName: 'talent-pool', configs: [talentPoolConfig, piiConfig] };

async function main(): Promise<void> {
  // Validate every variable first (exits listing each problem): app.module reads them at load.
  validateConfigOrExit(SERVICE);
  const { AppModule } = require('./app.module') as typeof import('./app.module');
  await bootstrapService({
    ...SERVICE,
    module: AppModule,
    title: 'Talent pool API',
    description: 'Reserve pool of community-worker candidates (POOL-1..3): entries kept one to two years, removed at expiry unless joined.',
  });
}

main().catch((error: unknown) => {
  console.error('talent-pool failed to start', error);
  process.exit(1);
});
