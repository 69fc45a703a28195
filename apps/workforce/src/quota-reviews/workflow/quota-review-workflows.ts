import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import {
  QUOTA_REVIEW_WORKFLOW_TYPE,
  quotaReviewDecisionUpdate,
  quotaReviewStateQuery,
  quotaReviewWorkflowId,
  type QuotaReviewDecisionRequest,
  type QuotaReviewDistrictState,
  type QuotaReviewState,
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

  /** The running workflow's state, or undefined when there is no such review. */
  async state(year: number): Promise<QuotaReviewState | undefined> {
    try {
      return await this.client.workflow.getHandle(quotaReviewWorkflowId(year)).query(quotaReviewStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }
}
