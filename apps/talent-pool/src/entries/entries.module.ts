import { Module } from '@nestjs/common';
import { EntriesController } from './entries.controller';
import { EntriesService } from './entries.service';
import { EntryAccess } from './entry-access';
import { EntryEndings } from './entry-endings.service';
import { EntryRepository } from './entry.repository';
import { WorkerHiredHandler } from './events/worker-hired.handler';
import { EntryWorkflowSignals } from './workflow/entry-workflow.signals';
import { EntryWorkflow } from './workflow/entry-workflow';

/**
 * The reserve pool (POOL-1..3): the entries API, their workflows (started after commit, restarted
 * by the platform reconciler, activities bound from EntryEndings) and the worker.hired consumer.
 * Needs, from the root: the platform's DataSource, HTTP wiring (Jurisdiction, AuditTrail,
 * OrgUnitDirectory), OutboxWriter producing `talentPoolEventContracts`, InboxConsumer, Client,
 * WorkflowStarter and WorkflowReconciler (PlatformTemporalModule), and the core module's tokens
 * (settings, POLICY_CATALOG, PiiCipher, ServiceClock).
 */
@Module({
  controllers: [EntriesController],
  providers: [EntryRepository, EntryAccess, EntriesService, EntryEndings, EntryWorkflow, EntryWorkflowSignals, WorkerHiredHandler],
  exports: [EntriesService, EntryEndings, EntryRepository],
})
export class EntriesModule {}
