import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  PAY_RECALIBRATION_WORKFLOW_TYPE,
  payRecalibrationWorkflowId,
  recalibrationApprovalUpdate,
  recalibrationInputsChangedSignal,
  recalibrationStateQuery,
  type RecalibrationPreviewSummary,
  type RecalibrationState,
} from '@cwp/contracts';
import { DomainError, ErrorCode, type Principal } from '@cwp/platform';
import { PAYROLL_SETTINGS, payRecalibrationInput, payrollError, type PayrollSettings } from '../../core';

/**
 * The API's side of `pay-recalibration:<year>`: start (by business key, so a second start is the
 * same workflow), approve through the update, nudge through the signal, read through the query.
 * kit: shape-kit's commit-then-start WorkflowStarter takes over `start` once merged.
 */
@Injectable()
export class RecalibrationWorkflows {
  private readonly logger = new Logger(RecalibrationWorkflows.name);

  constructor(
    private readonly client: Client,
    @Inject(PAYROLL_SETTINGS) private readonly settings: PayrollSettings,
  ) {}

  async start(payYear: number): Promise<{ workflowId: string; started: boolean }> {
    const workflowId = payRecalibrationWorkflowId(payYear);
    const input = payRecalibrationInput(payYear, this.settings);
    try {
      await this.client.workflow.start(PAY_RECALIBRATION_WORKFLOW_TYPE, { taskQueue: this.settings.taskQueue, workflowId, args: [input] });
      return { workflowId, started: true };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
      throw error;
    }
  }

  async approve(payYear: number, previewId: string, principal: Principal): Promise<RecalibrationPreviewSummary> {
    try {
      return await this.client.workflow.getHandle(payRecalibrationWorkflowId(payYear)).executeUpdate(recalibrationApprovalUpdate, {
        args: [{ previewId, approvedBy: { sub: principal.sub, role: principal.role, unit: principal.unit } }],
      });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        throw new DomainError(ErrorCode.NOT_FOUND, `No recalibration workflow runs for ${payYear}`, { details: { payYear } });
      if (error instanceof WorkflowUpdateFailedError) {
        const cause = (error.cause as Error | undefined)?.message ?? error.message;
        throw payrollError('PREVIEW_STALE', `Approval refused: ${cause}`, { field: 'previewId' });
      }
      throw error;
    }
  }

  async inputsChanged(payYear: number, reason: 'multiplier-changed'): Promise<void> {
    try {
      await this.client.workflow.getHandle(payRecalibrationWorkflowId(payYear)).signal(recalibrationInputsChangedSignal, { reason });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError))
        this.logger.warn(`could not signal ${payRecalibrationWorkflowId(payYear)}: ${(error as Error).message}`);
    }
  }

  async state(payYear: number): Promise<RecalibrationState | null> {
    try {
      return await this.client.workflow.getHandle(payRecalibrationWorkflowId(payYear)).query(recalibrationStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }
}
