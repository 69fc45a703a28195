import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  appraisalCycleStateQuery,
  appraisalCycleWorkflowId,
  closeRatingUpdate,
  publishCycleUpdate,
  type AppraisalCycleState,
  type OperatorRef,
} from '@cwp/contracts';
import type { CycleRow } from '../cycle.row';

/** Sends a running cycle workflow the operator's close and publish (its start is CycleWorkflow's). */
@Injectable()
export class CycleWorkflows {
  constructor(@Inject(Client) private readonly client: Client) {}

  private handle(row: CycleRow) {
    return this.client.workflow.getHandle(appraisalCycleWorkflowId(row.unitCode, row.year));
  }

  closeRating(row: CycleRow, closedBy: OperatorRef): Promise<AppraisalCycleState> {
    return this.handle(row).executeUpdate(closeRatingUpdate, { args: [{ closedBy }] });
  }

  publish(row: CycleRow, publishedBy: OperatorRef): Promise<AppraisalCycleState> {
    return this.handle(row).executeUpdate(publishCycleUpdate, { args: [{ publishedBy }] });
  }

  state(row: CycleRow): Promise<AppraisalCycleState> {
    return this.handle(row).query(appraisalCycleStateQuery);
  }
}
