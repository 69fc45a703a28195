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
import { talentPoolEntryCandidateEventContracts, talentPoolEntryStateEventContracts, talentPoolEventContracts } from '@cwp/contracts';
import { talentPoolConfig } from './config';
import { TalentPoolCoreModule } from './core';
import { EntriesModule, EntryEndings, EntryStateModule, createEntryActivities } from './entries';
import { talentPoolMigrations } from './migrations';

// Read at import: main.ts validates every variable (platform's and ours) before it loads this file.
const config = talentPoolConfig.get();

/** Where `npm run build:bundle` writes the prebuilt workflow bundle (apps/talent-pool/dist). */
export const DEFAULT_WORKFLOW_BUNDLE = path.resolve(__dirname, '..', 'dist', 'workflow-bundle.js');

/** Activities of the service's workflows, bound from Nest providers. */
const activities = (ref: ModuleRef) => ({
  ...createEntryActivities(ref.get(EntryEndings, { strict: false })),
});

@Module({
  imports: [
    PlatformDatabaseModule.forService({ schema: config.TALENT_POOL_DB_SCHEMA, migrations: talentPoolMigrations }),
    PlatformHttpModule.forRoot(),
    // The topic we consume is the workforce service's: the platform subscriber creates it if that
    // service has not yet, so no start order is needed.
    PlatformKafkaModule.forService({ clientId: 'talent-pool' }),
    PlatformOutboxModule.forService({
      service: 'talent-pool',
      produces: [...talentPoolEventContracts, ...talentPoolEntryStateEventContracts, ...talentPoolEntryCandidateEventContracts],
    }),
    PlatformInboxModule.forService(),
    PlatformTemporalModule.forService({
      taskQueue: config.TALENT_POOL_TASK_QUEUE,
      workflows: {
        workflowsPath: require.resolve('@cwp/talent-pool-workflows'),
        bundlePath: config.TALENT_POOL_WORKFLOW_BUNDLE ?? DEFAULT_WORKFLOW_BUNDLE,
      },
      activities,
      runWorker: config.TALENT_POOL_RUN_WORKER,
      workflowStart: { sweepSeconds: config.TALENT_POOL_RECONCILE_SECONDS },
    }),
    TalentPoolCoreModule.forRoot(config),
    AuditModule,
    EntriesModule,
    // Issue 14: each entry's latest state on a compacted topic (bootstrap for HR systems); issue 10:
    // its candidate facts for recruitment's invitations on another.
    EntryStateModule,
  ],
})
export class AppModule {}
