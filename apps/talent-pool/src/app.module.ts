import path from 'node:path';
import { Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  PlatformConfig,
  PlatformDatabaseModule,
  PlatformHttpModule,
  PlatformInboxModule,
  PlatformKafkaModule,
  PlatformOutboxModule,
  PlatformTemporalModule,
  PiiCipher,
  ServiceClock,
  loadPiiKeys,
  platformMigrations,
} from '@cwp/platform';
import { talentPoolEventContracts } from '@cwp/contracts';
import { defaultPolicyCatalog } from '@cwp/policy';
import { talentPoolConfig } from './config';
import { EntriesController } from './entries/entries.controller';
import { EntriesService, POLICY_CATALOG } from './entries/entries.service';
import { EntryEndings } from './entries/entry-endings.service';
import { EntryEntity } from './entries/entry.entity';
import { EntryRepository } from './entries/entry.repository';
import { talentPoolMigrations } from './entries/migrations';
import { WORKER_HIRED_CONSUMER, WorkerHiredHandler } from './events/worker-hired.handler';
import { createEntryActivities } from './worker/entry.activities';
import { EntryWorkflows, TALENT_POOL_TASK_QUEUE_TOKEN } from './workflow/entry-workflows';
import { WorkflowReconciler } from './workflow/workflow-reconciler';

// Read at import: main.ts validates every variable (platform's and ours) before it loads this file.
const config = talentPoolConfig.get();

/** Where `npm run build:bundle` writes the prebuilt workflow bundle (apps/talent-pool/dist). */
export const DEFAULT_WORKFLOW_BUNDLE = path.resolve(__dirname, '..', 'dist', 'workflow-bundle.js');

@Module({
  imports: [
    PlatformDatabaseModule.forService({
      schema: config.TALENT_POOL_DB_SCHEMA,
      entities: [EntryEntity],
      migrations: [...platformMigrations, ...talentPoolMigrations],
    }),
    PlatformHttpModule.forRoot(),
    // The topic we consume is the workforce service's: the platform subscriber creates it if that
    // service has not yet, so no start order is needed.
    PlatformKafkaModule.forService({ clientId: 'talent-pool' }),
    PlatformOutboxModule.forService({ service: 'talent-pool', produces: talentPoolEventContracts }),
    PlatformInboxModule.forService(),
    PlatformTemporalModule.forService({
      taskQueue: config.TALENT_POOL_TASK_QUEUE,
      workflows: {
        workflowsPath: require.resolve('@cwp/talent-pool-workflows'),
        bundlePath: config.TALENT_POOL_WORKFLOW_BUNDLE ?? DEFAULT_WORKFLOW_BUNDLE,
      },
      // Spread: an interface has no index signature, the object literal type does.
      activities: (moduleRef: ModuleRef) => ({ ...createEntryActivities(moduleRef.get(EntryEndings, { strict: false })) }),
      runWorker: config.TALENT_POOL_RUN_WORKER,
    }),
  ],
  controllers: [EntriesController],
  providers: [
    EntryRepository,
    EntriesService,
    EntryEndings,
    EntryWorkflows,
    WorkerHiredHandler,
    ServiceClock,
    { provide: TALENT_POOL_TASK_QUEUE_TOKEN, useValue: config.TALENT_POOL_TASK_QUEUE },
    { provide: WORKER_HIRED_CONSUMER, useValue: config.TALENT_POOL_HIRED_CONSUMER },
    { provide: POLICY_CATALOG, useFactory: defaultPolicyCatalog },
    { provide: PiiCipher, inject: [PlatformConfig], useFactory: (platform: PlatformConfig) => new PiiCipher(loadPiiKeys(config, platform.stateDir)) },
    {
      provide: WorkflowReconciler,
      inject: [EntryRepository, EntriesService],
      useFactory: (repository: EntryRepository, entries: EntriesService) => new WorkflowReconciler(repository, entries, config.TALENT_POOL_RECONCILE_SECONDS),
    },
  ],
})
export class AppModule {}
