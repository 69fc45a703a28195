import 'reflect-metadata';
import { bootstrapService, piiConfig, validateConfigOrExit } from '@cwp/platform';
import { webhooksConfig } from './config';

const SERVICE = { serviceName: 'webhooks', configs: [webhooksConfig, piiConfig] };

async function main(): Promise<void> {
  // Validate every variable first (exits listing each problem): app.module reads them at load.
  validateConfigOrExit(SERVICE);
  const { AppModule } = require('./app.module') as typeof import('./app.module');
  await bootstrapService({
    ...SERVICE,
    module: AppModule,
    title: 'Webhooks API',
    description:
      'The platform events delivered to HR systems without Kafka: signed (HMAC-SHA256), retried with backoff, dead-lettered and replayable.',
  });
}

main().catch((error: unknown) => {
  console.error('webhooks failed to start', error);
  process.exit(1);
});
