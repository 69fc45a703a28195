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
import { payrollEventContracts } from '@cwp/contracts';
import { payrollConfig } from './config';
import { PayrollCoreModule } from './core';
import { payrollMigrations } from './migrations';
import { PerformancePoolsModule } from './performance';
import {
  MultiplierReviewsModule,
  MultiplierReviewsService,
  createMultiplierReviewActivities,
  multiplierReviewSchedule,
} from './multiplier-review';
import { PayRunsModule, PayRunsService, createPayRunActivities, monthlyPayRunSchedule } from './payruns';
import { PolicyVersionsModule } from './policy-versions';
import { RecalibrationModule, RecalibrationRunner, createRecalibrationActivities, recalibrationSchedule } from './recalibration';
import { WagesModule } from './wages';
import { PayWorkersModule } from './workers';

// Read at import: main.ts validates every variable (platform's and ours) before it loads this file.
const config = payrollConfig.get();

/** Where `npm run build:bundle` writes the prebuilt workflow bundle (apps/payroll/dist). */
export const DEFAULT_WORKFLOW_BUNDLE = path.resolve(__dirname, '..', 'dist', 'workflow-bundle.js');

/** Activities of the service's workflows, bound from Nest providers. */
const activities = (ref: ModuleRef) => ({
  ...createRecalibrationActivities(ref.get(RecalibrationRunner, { strict: false })),
  ...createPayRunActivities(ref.get(PayRunsService, { strict: false })),
  ...createMultiplierReviewActivities(ref.get(MultiplierReviewsService, { strict: false })),
});

@Module({
  imports: [
    PlatformDatabaseModule.forService({ schema: config.PAYROLL_DB_SCHEMA, migrations: payrollMigrations }),
    PlatformHttpModule.forRoot(),
    PlatformKafkaModule.forService({ clientId: 'payroll' }),
    // A recalibration appends 65,000 events at once: 1,000 per Kafka request (~650 KB, under the broker's 1 MB) instead of 100.
    PlatformOutboxModule.forService({ service: 'payroll', produces: payrollEventContracts, relay: { batchSize: 1_000 } }),
    PlatformInboxModule.forService(),
    PlatformTemporalModule.forService({
      taskQueue: config.PAYROLL_TASK_QUEUE,
      workflows: {
        workflowsPath: require.resolve('@cwp/payroll-workflows'),
        bundlePath: config.PAYROLL_WORKFLOW_BUNDLE ?? DEFAULT_WORKFLOW_BUNDLE,
      },
      activities,
      schedules: config.PAYROLL_SCHEDULES
        ? [
            recalibrationSchedule(config.PAYROLL_TASK_QUEUE, config.PAYROLL_RECALIBRATION_CRON, {
              chunkSize: config.PAYROLL_APPLY_CHUNK,
              chunksPerActivity: config.PAYROLL_APPLY_CHUNKS_PER_ACTIVITY,
            }),
            monthlyPayRunSchedule(config.PAYROLL_TASK_QUEUE, config.PAYROLL_PAY_RUN_CRON),
            multiplierReviewSchedule(config.PAYROLL_TASK_QUEUE, config.PAYROLL_MULTIPLIER_REVIEW_FIRST_YEAR),
          ]
        : [],
      runWorker: config.PAYROLL_RUN_WORKER,
    }),
    PayrollCoreModule.forRoot({
      taskQueue: config.PAYROLL_TASK_QUEUE,
      workersConsumer: config.PAYROLL_WORKERS_CONSUMER,
      workerStateConsumer: config.PAYROLL_WORKER_STATE_CONSUMER,
      performanceConsumer: config.PAYROLL_PERFORMANCE_CONSUMER,
      applyChunk: config.PAYROLL_APPLY_CHUNK,
      applyChunksPerActivity: config.PAYROLL_APPLY_CHUNKS_PER_ACTIVITY,
    }),
    AuditModule,
    PayWorkersModule,
    WagesModule,
    PolicyVersionsModule,
    RecalibrationModule,
    PayRunsModule,
    PerformancePoolsModule,
    MultiplierReviewsModule,
  ],
})
export class AppModule {}
