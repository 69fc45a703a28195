import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { TALENT_POOL_ENTRY_WORKFLOW_TYPE, talentPoolEntryWorkflowId, type TalentPoolEntryWorkflowInput } from '@cwp/contracts';
import { CWP_SEARCH_ATTRIBUTES, WorkflowReconciler, type CommittedWorkflow, type WorkflowStartRequest } from '@cwp/platform';
import { TALENT_POOL_SETTINGS, type TalentPoolSettings } from '../../core';
import { EntryRepository } from '../entry.repository';
import type { NewEntryRow } from '../entry.row';

/**
 * false: start without search attributes. Only for Temporal's Java time-skipping test server,
 * which refuses attributes it was not told about and offers TypeScript no way to register them.
 */
export const ENTRY_WORKFLOW_SEARCH_ATTRIBUTES = Symbol('ENTRY_WORKFLOW_SEARCH_ATTRIBUTES');

/** The workflow input of an entry: ids and dates only, never personal data. */
export function workflowInputOf(row: NewEntryRow): TalentPoolEntryWorkflowInput {
  return {
    entryId: row.id,
    holdingUnit: row.holdingUnit,
    registeredOn: row.registeredOn,
    expiresOn: row.expiresOn,
    expiresAt: row.expiresAt.toISOString(),
    reminderDays: row.reminderDays,
  };
}

/**
 * The entry's timer follows its committed row (POOL-2). EntriesService starts it after the
 * registration commits, through the platform WorkflowStarter (short deadline; a Temporal outage
 * never reaches the request), and the start is recorded in `workflow_started_at`. Registered with
 * the platform WorkflowReconciler, which starts what a crash or an outage left unstarted (at boot,
 * on its sweep, and as soon as Temporal is reachable again). The business-key id makes a second
 * start "already started".
 */
@Injectable()
export class EntryWorkflow implements CommittedWorkflow<NewEntryRow>, OnModuleInit {
  readonly name = 'talent-pool-entry';

  constructor(
    private readonly reconciler: WorkflowReconciler,
    private readonly repository: EntryRepository,
    @Inject(TALENT_POOL_SETTINGS) private readonly settings: TalentPoolSettings,
    @Optional() @Inject(ENTRY_WORKFLOW_SEARCH_ATTRIBUTES) private readonly withSearchAttributes: boolean = true,
  ) {}

  onModuleInit(): void {
    this.reconciler.register(this);
  }

  startOf(row: NewEntryRow): WorkflowStartRequest {
    return {
      workflowType: TALENT_POOL_ENTRY_WORKFLOW_TYPE,
      workflowId: talentPoolEntryWorkflowId(row.id),
      taskQueue: this.settings.taskQueue,
      args: [workflowInputOf(row)],
      ...(this.withSearchAttributes
        ? {
            typedSearchAttributes: [
              { key: CWP_SEARCH_ATTRIBUTES.unitCode, value: row.holdingUnit },
              { key: CWP_SEARCH_ATTRIBUTES.entityId, value: row.id },
              { key: CWP_SEARCH_ATTRIBUTES.expiresAt, value: row.expiresAt },
            ],
          }
        : {}),
    };
  }

  /** Active entries whose start is not recorded (an entry that ended first needs no timer). */
  unstarted(limit: number): Promise<NewEntryRow[]> {
    return this.repository.withoutWorkflow(limit);
  }

  markStarted(row: NewEntryRow): Promise<void> {
    return this.repository.markWorkflowStarted(row.id);
  }
}
