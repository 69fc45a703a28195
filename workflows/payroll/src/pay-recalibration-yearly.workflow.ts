/**
 * Started by the Temporal Schedule `pay-recalibration-yearly` (each January, Shanghai time). A
 * schedule names its runs itself, so this small workflow starts the recalibration under its
 * business key `pay-recalibration:<year>` and returns; one already started (or completed) for the year is kept.
 */
import { ParentClosePolicy, WorkflowIdReusePolicy, startChild } from '@temporalio/workflow';
import { payRecalibrationWorkflowId, type PayRecalibrationYearlyInput } from '@cwp/contracts';
import { payRecalibrationWorkflow } from './pay-recalibration.workflow';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export async function payRecalibrationYearlyWorkflow(
  input: PayRecalibrationYearlyInput = {},
): Promise<{ payYear: number; started: boolean }> {
  // Workflow time is deterministic (the time of this workflow task).
  const payYear = new Date(Date.now() + SHANGHAI_OFFSET_MS).getUTCFullYear();
  try {
    await startChild(payRecalibrationWorkflow, {
      workflowId: payRecalibrationWorkflowId(payYear),
      args: [{ ...input, payYear }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      // A year that completed is never started again; one that failed or was terminated may be.
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
    });
    return { payYear, started: true };
  } catch (error) {
    // @temporalio/workflow does not re-export the class; its name is stable.
    if (error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError') return { payYear, started: false };
    throw error;
  }
}
