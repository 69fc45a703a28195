import 'reflect-metadata';
import { bootstrapService, piiConfig, validateConfigOrExit } from '@cwp/platform';
import { trainingConfig } from './config';

const SERVICE = { serviceName: 'training', configs: [trainingConfig, piiConfig] };

async function main(): Promise<void> {
  // Validate every variable first (exits listing each problem): app.module reads them at load.
  validateConfigOrExit(SERVICE);
  const { AppModule } = require('./app.module') as typeof import('./app.module');
  await bootstrapService({
    ...SERVICE,
    module: AppModule,
    title: 'Training API',
    description:
      'The city-wide training resource library (TRAIN-10), classes, hours and off-the-job training (TRAIN-3, TRAIN-4), online completions, certificates (TRAIN-8), each worker’s development plan (TRAIN-2), yearly compliance and gap-filling recommendations (TRAIN-6).',
  });
}

main().catch((error: unknown) => {
  console.error('training failed to start', error);
  process.exit(1);
});
