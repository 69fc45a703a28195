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
import {
  workforceQuotaEventContracts,
  workforceStaffingEventContracts,
  workforceWorkerEventContracts,
  workforceWorkerStateEventContracts,
} from '@cwp/contracts';
import { workforceConfig } from './config';
import { workforceMigrations } from './migrations';
import { WorkforceCoreModule } from './core';
import { OrgModule } from './org';
import { createQuotaReviewActivities, quotaReviewSchedule, QuotaReviewService, QuotaReviewsModule } from './quota-reviews';
import { QuotasModule } from './quotas';
import { ReferenceDataModule } from './reference-data';
import { ReportsModule } from './reports';
import { StaffingModule } from './staffing';
import { AppraisalExitsModule, RecruitmentAppointmentsModule, WorkersModule, WorkerStateModule } from './workers';

// Read at import: main.ts validates every variable (platform's and ours) before it loads this file.
const config = workforceConfig.get();

/** Where `npm run build:bundle` writes the prebuilt workflow bundle (apps/workforce/dist). */
export const DEFAULT_WORKFLOW_BUNDLE = path.resolve(__dirname, '..', 'dist', 'workflow-bundle.js');

/** Every event contract the service produces (outbox validation and topic creation). */
const produces = [
  ...workforceQuotaEventContracts,
  ...workforceWorkerEventContracts,
  ...workforceStaffingEventContracts,
  ...workforceWorkerStateEventContracts,
];

/** Activities of the service's workflows, bound from Nest providers. */
const activities = (ref: ModuleRef) => ({
  ...createQuotaReviewActivities(ref.get(QuotaReviewService, { strict: false }), { chunkSize: config.WORKFORCE_QUOTA_REVIEW_CHUNK }),
});

@Module({
  imports: [
    PlatformDatabaseModule.forService({ schema: config.WORKFORCE_DB_SCHEMA, migrations: workforceMigrations }),
    PlatformHttpModule.forRoot(),
    PlatformKafkaModule.forService({ clientId: 'workforce' }),
    PlatformOutboxModule.forService({ service: 'workforce', produces }),
    // The appraisal service's exit triggers (EXIT-3 cause 1): workers/events/appraisal-exit-triggered.handler.ts
    PlatformInboxModule.forService(),
    PlatformTemporalModule.forService({
      taskQueue: config.WORKFORCE_TASK_QUEUE,
      workflows: {
        workflowsPath: require.resolve('@cwp/workforce-workflows'),
        bundlePath: config.WORKFORCE_WORKFLOW_BUNDLE ?? DEFAULT_WORKFLOW_BUNDLE,
      },
      activities,
      schedules: config.WORKFORCE_QUOTA_REVIEW_SCHEDULE
        ? [
            quotaReviewSchedule(
              config.WORKFORCE_TASK_QUEUE,
              config.WORKFORCE_QUOTA_REVIEW_CRON,
              config.WORKFORCE_QUOTA_REVIEW_DECISION_DAYS,
            ),
          ]
        : [],
      runWorker: config.WORKFORCE_RUN_WORKER,
    }),
    WorkforceCoreModule.forRoot({
      settings: {
        seedOnStart: config.WORKFORCE_SEED_ON_START,
        floatingQuotaPercent: config.WORKFORCE_FLOATING_QUOTA_PERCENT,
        quotaReviewDecisionDays: config.WORKFORCE_QUOTA_REVIEW_DECISION_DAYS,
        taskQueue: config.WORKFORCE_TASK_QUEUE,
      },
    }),
    AuditModule,
    OrgModule,
    QuotasModule,
    QuotaReviewsModule,
    ReferenceDataModule,
    ReportsModule,
    WorkersModule,
    AppraisalExitsModule,
    // Issue 10: staffing per unit on a compacted topic; recruitment's appointments become hires.
    StaffingModule,
    // Issue 14: each worker's latest state on a compacted topic (bootstrap for HR systems).
    WorkerStateModule,
    RecruitmentAppointmentsModule,
  ],
})
export class AppModule {}
