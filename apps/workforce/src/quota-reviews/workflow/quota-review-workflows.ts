import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import {
  QUOTA_REVIEW_WORKFLOW_TYPE,
  quotaReviewDecisionUpdate,
  quotaReviewWorkflowId,
  type QuotaReviewDecisionRequest,
  type QuotaReviewDistrictState,
} from '@cwp/contracts';
import { DomainError, ErrorCode } from '@cwp/platform';
import { WORKFORCE_SETTINGS, type WorkforceSettings } from '../../core';

/** The API's side of the review workflow: start it (business key per year) and send district decisions. */
@Injectable()
export class QuotaReviewWorkflows {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(WORKFORCE_SETTINGS) private readonly settings: WorkforceSettings,
  ) {}

  async start(year: number, decisionDays: number): Promise<string> {
    const workflowId = quotaReviewWorkflowId(year);
    try {
      await this.client.workflow.start(QUOTA_REVIEW_WORKFLOW_TYPE, {
        taskQueue: this.settings.taskQueue,
        workflowId,
        args: [{ year, decisionDays }],
      });
      return workflowId;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new DomainError(ErrorCode.DUPLICATE, `The ${year} quota review has already been started`, {
          field: 'year',
          details: { year, workflowId },
        });
      }
      throw error;
    }
  }

  /** Sends the decision as a Temporal update and waits for it to take effect (or be refused). */
  async decide(year: number, request: QuotaReviewDecisionRequest): Promise<QuotaReviewDistrictState> {
    const handle = this.client.workflow.getHandle(quotaReviewWorkflowId(year));
    try {
      return await handle.executeUpdate(quotaReviewDecisionUpdate, { args: [request] });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw DomainError.notFound('quota_review', String(year));
      // The workflow's validator refused it (review closed, district decided or not in the review).
      if (error instanceof Error && error.name === 'WorkflowUpdateFailedError') {
        const reason = (error.cause as Error | undefined)?.message ?? error.message;
        throw DomainError.conflict(reason, { year, districtCode: request.districtCode });
      }
      throw error;
    }
  }

  /**
   * Whether the review's workflow is running (started, not yet recorded by its first activity).
   * Asked with describe, which needs no worker: a query of a closed review's workflow needs one
   * to replay it, and where no worker polls its task queue (one of an earlier deployment, a
   * worker restarting) the server refuses it (issue 8: `GET /quota-reviews/:year` answered 500).
   */
  async isOpening(year: number): Promise<boolean> {
    try {
      return (await this.client.workflow.getHandle(quotaReviewWorkflowId(year)).describe()).status.name === 'RUNNING';
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }
}
