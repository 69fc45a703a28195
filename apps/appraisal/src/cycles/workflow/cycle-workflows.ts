import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  APPRAISAL_CYCLE_WORKFLOW_TYPE,
  appraisalCycleStateQuery,
  appraisalCycleWorkflowId,
  closeRatingUpdate,
  publishCycleUpdate,
  type AppraisalCycleInput,
  type AppraisalCycleState,
  type OperatorRef,
} from '@cwp/contracts';
import { CWP_SEARCH_ATTRIBUTES } from '@cwp/platform';
import { APPRAISAL_SETTINGS, WORKFLOW_SEARCH_ATTRIBUTES, type AppraisalSettingsValue } from '../../core';
import type { CycleRow } from '../cycle.row';

/** Starts the yearly cycle workflow of a unit and sends it the operator's close and publish. */
@Injectable()
export class CycleWorkflows {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APPRAISAL_SETTINGS) private readonly settings: AppraisalSettingsValue,
    @Inject(WORKFLOW_SEARCH_ATTRIBUTES) private readonly withSearchAttributes: boolean,
  ) {}

  inputOf(row: CycleRow): AppraisalCycleInput {
    return {
      cycleId: row.id,
      unitCode: row.unitCode,
      year: row.year,
      ratingOpensAt: row.ratingOpensAt.toISOString(),
      ratingClosesAt: row.ratingClosesAt.toISOString(),
      reminderDays: row.reminderDays,
    };
  }

  async start(row: CycleRow): Promise<void> {
    try {
      await this.client.workflow.start(APPRAISAL_CYCLE_WORKFLOW_TYPE, {
        taskQueue: this.settings.taskQueue,
        workflowId: appraisalCycleWorkflowId(row.unitCode, row.year),
        args: [this.inputOf(row)],
        ...(this.withSearchAttributes
          ? {
              typedSearchAttributes: [
                { key: CWP_SEARCH_ATTRIBUTES.unitCode, value: row.unitCode },
                { key: CWP_SEARCH_ATTRIBUTES.entityId, value: row.id },
              ],
            }
          : {}),
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

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
