import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import {
  TALENT_POOL_ENTRY_WORKFLOW_TYPE,
  entryJoinedSignal,
  entryWithdrawnSignal,
  talentPoolEntryWorkflowId,
  type TalentPoolEntryWorkflowInput,
} from '@cwp/contracts';
import { CWP_SEARCH_ATTRIBUTES } from '@cwp/platform';
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
 * Starts (after the registration committed) and signals entry workflows. Starting is idempotent (the business-key workflow id makes
 * a second start fail with "already started", which counts as success); a signal to a workflow
 * that has finished or never existed is ignored, because the row (already committed) is the state.
 */
@Injectable()
export class EntryWorkflowStarter {
  private readonly logger = new Logger('EntryWorkflowStarter');
  private readonly taskQueue: string;

  constructor(
    @Inject(Client) private readonly client: Client,
    private readonly repository: EntryRepository,
    @Inject(TALENT_POOL_SETTINGS) settings: TalentPoolSettings,
    @Optional() @Inject(ENTRY_WORKFLOW_SEARCH_ATTRIBUTES) private readonly withSearchAttributes: boolean = true,
  ) {
    this.taskQueue = settings.taskQueue;
  }

  /**
   * Starts the entry's timer after the commit. If this process dies (or Temporal is down) between
   * the commit and the start, `workflow_started_at` stays null and the reconciler starts it later.
   */
  async startAfterCommit(row: NewEntryRow): Promise<void> {
    try {
      await this.start(row);
      await this.repository.markWorkflowStarted(row.id);
    } catch (error) {
      this.logger.warn({ msg: 'entry workflow not started yet; the reconciler will retry', entryId: row.id, error: String(error) });
    }
  }

  /** Resolves true once the workflow exists (started now or before). */
  async start(row: NewEntryRow): Promise<boolean> {
    try {
      await this.client.workflow.start(TALENT_POOL_ENTRY_WORKFLOW_TYPE, {
        taskQueue: this.taskQueue,
        workflowId: talentPoolEntryWorkflowId(row.id),
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
      });
      return true;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return true;
      throw error;
    }
  }

  async signalJoined(entryId: string, joinedOn: string): Promise<void> {
    await this.signal(entryId, () => this.client.workflow.getHandle(talentPoolEntryWorkflowId(entryId)).signal(entryJoinedSignal, { joinedOn }));
  }

  async signalWithdrawn(entryId: string, withdrawnOn: string): Promise<void> {
    await this.signal(entryId, () =>
      this.client.workflow.getHandle(talentPoolEntryWorkflowId(entryId)).signal(entryWithdrawnSignal, { withdrawnOn }),
    );
  }

  private async signal(entryId: string, send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        // Finished already (timer fired) or never started: nothing to stop.
        this.logger.log({ msg: 'entry workflow not running; signal ignored', entryId });
        return;
      }
      // Temporal unreachable: the row is committed; the workflow will find it ended at expiry
      // (expireEntry changes nothing), so the entry is still correct, only the timer runs on.
      this.logger.warn({ msg: 'could not signal entry workflow', entryId, error: String(error) });
    }
  }
}
