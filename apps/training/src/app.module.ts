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
import { trainingEventContracts } from '@cwp/contracts';
import { trainingConfig } from './config';
import { TrainingCoreModule } from './core';
import { trainingMigrations } from './migrations';
import { LibraryModule } from './library';
import { RosterModule, TraineesService, createPlanActivities } from './roster';
import { ClassesModule } from './classes';
import { MentoringModule, MentorshipsService, createMentorshipActivities } from './mentoring';
import { CadresModule, CadresService, createCadreActivities } from './cadres';
import { ComplianceModule, ComplianceService, complianceSchedule, createComplianceActivities } from './compliance';

// Read at import: main.ts validates every variable (platform's and ours) before it loads this file.
const config = trainingConfig.get();

/** Where `npm run build:bundle` writes the prebuilt workflow bundle (apps/training/dist). */
export const DEFAULT_WORKFLOW_BUNDLE = path.resolve(__dirname, '..', 'dist', 'workflow-bundle.js');

/** Activities of the service's workflows, bound from Nest providers. */
const activities = (ref: ModuleRef) => ({
  ...createPlanActivities(ref.get(TraineesService, { strict: false })),
  ...createComplianceActivities(ref.get(ComplianceService, { strict: false })),
  ...createCadreActivities(ref.get(CadresService, { strict: false })),
  ...createMentorshipActivities(ref.get(MentorshipsService, { strict: false })),
});

@Module({
  imports: [
    PlatformDatabaseModule.forService({ schema: config.TRAINING_DB_SCHEMA, migrations: trainingMigrations }),
    PlatformHttpModule.forRoot(),
    // The worker topic is the workforce service's: the platform subscriber creates it if needed.
    PlatformKafkaModule.forService({ clientId: 'training' }),
    PlatformOutboxModule.forService({ service: 'training', produces: trainingEventContracts }),
    PlatformInboxModule.forService(),
    PlatformTemporalModule.forService({
      taskQueue: config.TRAINING_TASK_QUEUE,
      workflows: {
        workflowsPath: require.resolve('@cwp/training-workflows'),
        bundlePath: config.TRAINING_WORKFLOW_BUNDLE ?? DEFAULT_WORKFLOW_BUNDLE,
      },
      activities,
      schedules: config.TRAINING_COMPLIANCE_SCHEDULE
        ? [complianceSchedule(config.TRAINING_TASK_QUEUE, config.TRAINING_COMPLIANCE_CRON)]
        : [],
      runWorker: config.TRAINING_RUN_WORKER,
    }),
    TrainingCoreModule.forRoot({
      settings: {
        taskQueue: config.TRAINING_TASK_QUEUE,
        workersConsumer: config.TRAINING_WORKERS_CONSUMER,
        complianceChunk: config.TRAINING_COMPLIANCE_CHUNK,
        reminderDaysBeforeDue: config.TRAINING_REMINDER_DAYS_BEFORE_DUE,
      },
    }),
    AuditModule,
    LibraryModule,
    RosterModule,
    ClassesModule,
    ComplianceModule,
    MentoringModule,
    CadresModule,
  ],
})
export class AppModule {}
