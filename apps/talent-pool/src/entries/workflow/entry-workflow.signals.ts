import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { entryJoinedSignal, entryWithdrawnSignal, talentPoolEntryWorkflowId } from '@cwp/contracts';

/**
 * Tells an entry's workflow that the entry ended, after the commit. A signal to a workflow that has
 * finished or never existed is ignored, because the row (already committed) is the state.
 */
@Injectable()
export class EntryWorkflowSignals {
  private readonly logger = new Logger('EntryWorkflowSignals');

  constructor(@Inject(Client) private readonly client: Client) {}

  async joined(entryId: string, joinedOn: string): Promise<void> {
    await this.signal(entryId, () =>
      this.client.workflow.getHandle(talentPoolEntryWorkflowId(entryId)).signal(entryJoinedSignal, { joinedOn }),
    );
  }

  async withdrawn(entryId: string, withdrawnOn: string): Promise<void> {
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
