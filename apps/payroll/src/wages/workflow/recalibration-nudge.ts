import { Injectable, Logger, Optional } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { payRecalibrationWorkflowId, recalibrationInputsChangedSignal } from '@cwp/contracts';

/**
 * After a wage commits, wakes the recalibration that waits for it (pay year = wage year + 1) so it
 * does not wait for its next daily look. Best effort: the workflow also looks by itself, and a
 * workflow not started yet finds the row when it starts.
 */
@Injectable()
export class RecalibrationNudge {
  private readonly logger = new Logger(RecalibrationNudge.name);

  constructor(@Optional() private readonly client?: Client) {}

  async wageChanged(wageYear: number, reason: 'wage-published' | 'wage-corrected'): Promise<void> {
    if (!this.client) return;
    try {
      await this.client.workflow.getHandle(payRecalibrationWorkflowId(wageYear + 1)).signal(recalibrationInputsChangedSignal, { reason });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      this.logger.warn(`could not signal ${payRecalibrationWorkflowId(wageYear + 1)}: ${(error as Error).message}`);
    }
  }
}
