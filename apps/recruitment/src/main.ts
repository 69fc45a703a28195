import 'reflect-metadata';
import { bootstrapService, piiConfig, validateConfigOrExit } from '@cwp/platform';
import { recruitmentConfig } from './config';
// The file, not the feature's index: the index loads modules that read config, validated first below.
import { RECRUITMENT_FILE_BODY_ROUTES } from './selection/score-file-routes';

const SERVICE = { serviceName: 'recruitment', configs: [piiConfig, recruitmentConfig] };

async function main(): Promise<void> {
  // Validate every variable first (exits listing each problem): app.module reads them at load.
  validateConfigOrExit(SERVICE);
  const config = recruitmentConfig.get();
  if (config.NODE_ENV === 'production' && config.RECRUITMENT_PHASE_SECONDS > 0) {
    console.error('RECRUITMENT_PHASE_SECONDS shortens every phase of a campaign: refused in production');
    process.exit(1);
  }
  const { AppModule } = require('./app.module') as typeof import('./app.module');
  await bootstrapService({
    ...SERVICE,
    module: AppModule,
    fileBodyRoutes: RECRUITMENT_FILE_BODY_ROUTES,
    title: 'Recruitment API',
    description:
      'Unified open recruitment (REC-1..7): campaigns per district within the rounds a year (REC-2) and the streets’ vacancies, applications with eligibility (REC-4/5), the pre-exam internship and combined score (REC-6), publicity with objections (REC-7) and appointment.',
  });
}

main().catch((error: unknown) => {
  console.error('recruitment failed to start', error);
  process.exit(1);
});
