/**
 * Started by the Temporal Schedule `quota-review-yearly` (every 1 January, Shanghai time). A
 * schedule names its runs itself, so this small workflow starts the review under its business key
 * `quota-review:<year>` and returns; a review already started on demand for that year is kept.
 */
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { quotaReviewWorkflowId, type QuotaReviewYearlyInput } from '@cwp/contracts';
import { quotaReviewWorkflow } from './quota-review.workflow';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export async function quotaReviewYearlyWorkflow(input: QuotaReviewYearlyInput): Promise<{ year: number; started: boolean }> {
  // Workflow time is deterministic (the time of this workflow task).
  const year = new Date(Date.now() + SHANGHAI_OFFSET_MS).getUTCFullYear();
  try {
    await startChild(quotaReviewWorkflow, {
      workflowId: quotaReviewWorkflowId(year),
      args: [{ year, decisionDays: input.decisionDays }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    return { year, started: true };
  } catch (error) {
    // @temporalio/workflow does not re-export the class; its name is stable.
    if (error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError') return { year, started: false };
    throw error;
  }
}
