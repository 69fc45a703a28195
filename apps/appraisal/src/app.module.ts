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
import { appraisalEventContracts } from '@cwp/contracts';
import { appraisalConfig } from './config';
import { AppraisalCoreModule } from './core';
import { appraisalMigrations } from './migrations';
import { RecordsModule, RecordsService, createRecordActivities } from './records';
import { CyclesModule, CyclesService, createCycleActivities } from './cycles';
import { RatingsModule } from './ratings';
import { ResultsModule } from './results';

// Read at import: main.ts validates every variable (platform's and ours) before it loads this file.
const config = appraisalConfig.get();

/** Where `npm run build:bundle` writes the prebuilt workflow bundle (apps/appraisal/dist). */
export const DEFAULT_WORKFLOW_BUNDLE = path.resolve(__dirname, '..', 'dist', 'workflow-bundle.js');

/** Activities of the service's workflows, bound from Nest providers. */
const activities = (ref: ModuleRef) => ({
  ...createRecordActivities(ref.get(RecordsService, { strict: false })),
  ...createCycleActivities(ref.get(CyclesService, { strict: false })),
});

@Module({
  imports: [
    PlatformDatabaseModule.forService({ schema: config.APPRAISAL_DB_SCHEMA, migrations: appraisalMigrations }),
    PlatformHttpModule.forRoot(),
    // The worker topic is the workforce service's: the platform subscriber creates it if needed.
    PlatformKafkaModule.forService({ clientId: 'appraisal' }),
    PlatformOutboxModule.forService({ service: 'appraisal', produces: appraisalEventContracts }),
    PlatformInboxModule.forService(),
    PlatformTemporalModule.forService({
      taskQueue: config.APPRAISAL_TASK_QUEUE,
      workflows: {
        workflowsPath: require.resolve('@cwp/appraisal-workflows'),
        bundlePath: config.APPRAISAL_WORKFLOW_BUNDLE ?? DEFAULT_WORKFLOW_BUNDLE,
      },
      activities,
      runWorker: config.APPRAISAL_RUN_WORKER,
    }),
    AppraisalCoreModule.forRoot({
      settings: {
        taskQueue: config.APPRAISAL_TASK_QUEUE,
        timings: {
          admonishmentDays: config.APPRAISAL_ADMONISHMENT_DAYS,
          escalationDays: config.APPRAISAL_ESCALATION_DAYS,
          noticeDays: config.APPRAISAL_NOTICE_DAYS,
          appealDays: config.APPRAISAL_APPEAL_DAYS,
        },
        excellentShareLimit: config.APPRAISAL_EXCELLENT_SHARE_LIMIT / 100,
        residentRatePerMinute: config.APPRAISAL_RESIDENT_RATE_PER_MINUTE,
        workersConsumer: config.APPRAISAL_WORKERS_CONSUMER,
        publishChunk: config.APPRAISAL_PUBLISH_CHUNK,
      },
      ...(config.APPRAISAL_RESIDENT_KEY ? { residentKey: config.APPRAISAL_RESIDENT_KEY } : {}),
      production: config.NODE_ENV === 'production',
    }),
    AuditModule,
    RecordsModule,
    CyclesModule,
    RatingsModule,
    ResultsModule,
  ],
})
export class AppModule {}
