import path from 'node:path';
import { Module } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import {
  AuditModule,
  PlatformDatabaseModule,
  PlatformHttpModule,
  PlatformInboxModule,
  PlatformKafkaModule,
  PlatformOutboxModule,
  PlatformTemporalModule,
} from '@cwp/platform';
import { recruitmentEventContracts } from '@cwp/contracts';
import { ApplicantsModule } from './applicants';
import { CampaignsModule } from './campaigns';
import { recruitmentConfig } from './config';
import { RecruitmentCoreModule } from './core';
import { recruitmentMigrations } from './migrations';
import { CancellationSteps, SelectionModule, SelectionSteps, createCampaignActivities } from './selection';
import { ReserveModule } from './reserve';
import { StaffingModule } from './staffing';

// Read at import: main.ts validates every variable (platform's and ours) before it loads this file.
const config = recruitmentConfig.get();

/** Where `npm run build:bundle` writes the prebuilt workflow bundle (apps/recruitment/dist). */
export const DEFAULT_WORKFLOW_BUNDLE = path.resolve(__dirname, '..', 'dist', 'workflow-bundle.js');

/** Activities of the service's workflows, bound from Nest providers. */
const activities = (ref: ModuleRef) => ({
  ...createCampaignActivities(ref.get(SelectionSteps, { strict: false }), ref.get(CancellationSteps, { strict: false })),
});

@Module({
  imports: [
    PlatformDatabaseModule.forService({ schema: config.RECRUITMENT_DB_SCHEMA, migrations: recruitmentMigrations }),
    PlatformHttpModule.forRoot(),
    // The staffing and candidate topics are the workforce service's and the talent pool's: the platform subscriber creates them if needed.
    PlatformKafkaModule.forService({ clientId: 'recruitment' }),
    PlatformOutboxModule.forService({ service: 'recruitment', produces: recruitmentEventContracts }),
    PlatformInboxModule.forService(),
    PlatformTemporalModule.forService({
      taskQueue: config.RECRUITMENT_TASK_QUEUE,
      workflows: {
        workflowsPath: require.resolve('@cwp/recruitment-workflows'),
        bundlePath: config.RECRUITMENT_WORKFLOW_BUNDLE ?? DEFAULT_WORKFLOW_BUNDLE,
      },
      activities,
      runWorker: config.RECRUITMENT_RUN_WORKER,
      workflowStart: { sweepSeconds: config.RECRUITMENT_RECONCILE_SECONDS },
    }),
    RecruitmentCoreModule.forRoot({
      taskQueue: config.RECRUITMENT_TASK_QUEUE,
      staffingConsumer: config.RECRUITMENT_STAFFING_CONSUMER,
      reserveConsumer: config.RECRUITMENT_RESERVE_CONSUMER,
      publicRatePerMinute: config.RECRUITMENT_PUBLIC_RATE_PER_MINUTE,
      assessmentDays: config.RECRUITMENT_ASSESSMENT_DAYS,
      phaseSeconds: config.RECRUITMENT_PHASE_SECONDS,
      stepChunk: config.RECRUITMENT_STEP_CHUNK,
      searchAttributes: true,
    }),
    AuditModule,
    StaffingModule,
    ReserveModule,
    CampaignsModule,
    ApplicantsModule,
    SelectionModule,
  ],
})
export class AppModule {}
