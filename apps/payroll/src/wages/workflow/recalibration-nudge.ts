import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import {
  PAY_RECALIBRATION_WORKFLOW_TYPE,
  payRecalibrationWorkflowId,
  recalibrationInputsChangedSignal,
  recalibrationReopenedSignal,
} from '@cwp/contracts';
import type { ReopenedRecalibration } from '../recalibration-reopener';
import { PAYROLL_SETTINGS, payRecalibrationInput, type PayrollSettings } from '../../core';

/**
 * After a wage commits, wakes the recalibration that waits for it (pay year = wage year + 1) so it
 * does not wait for its next daily look. Best effort: the workflow also looks by itself, and a
 * workflow not started yet finds the row when it starts.
 */
@Injectable()
export class RecalibrationNudge {
  private readonly logger = new Logger(RecalibrationNudge.name);

  constructor(
    @Inject(PAYROLL_SETTINGS) private readonly settings: PayrollSettings,
    @Optional() private readonly client?: Client,
  ) {}

  async wageChanged(wageYear: number, reason: 'wage-published' | 'wage-corrected'): Promise<void> {
    if (!this.client) return;
    try {
      await this.client.workflow.getHandle(payRecalibrationWorkflowId(wageYear + 1)).signal(recalibrationInputsChangedSignal, { reason });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      this.logger.warn(`could not signal ${payRecalibrationWorkflowId(wageYear + 1)}: ${(error as Error).message}`);
    }
  }

  /**
   * PAY-3: a recalibration re-opened by a wage correction runs again under its business key: a new
   * run finds the row open and builds a new preview for the city to approve. Signal-with-start: if
   * the run that applied it is still ending (its finish committed a moment before the correction),
   * the signal makes that run start the next one itself rather than this start being refused.
   * Best effort: `POST recalibrations/:year/start` does the same if this is lost.
   */
  async restart(reopened: ReopenedRecalibration): Promise<void> {
    if (!this.client) return;
    const workflowId = payRecalibrationWorkflowId(reopened.payYear);
    const input = payRecalibrationInput(reopened.payYear, this.settings);
    try {
      await this.client.workflow.signalWithStart(PAY_RECALIBRATION_WORKFLOW_TYPE, {
        taskQueue: this.settings.taskQueue,
        workflowId,
        args: [input],
        signal: recalibrationReopenedSignal,
        signalArgs: [{ wageYear: reopened.wageYear, wageRevision: reopened.wageRevision }],
      });
    } catch (error) {
      this.logger.warn(`could not start ${workflowId} again: ${(error as Error).message}`);
    }
  }
}
