import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { TRAINING_COMPLIANCE_WORKFLOW_TYPE, trainingComplianceWorkflowId, type TrainingComplianceOutcome } from '@cwp/contracts';
import { DomainError } from '@cwp/platform';
import { TRAINING_SETTINGS, TrainingError, type TrainingSettings } from '../../core';
import type { RunResponse } from '../compliance.dto';

/** Starts a compliance run for a year on an operator's request, and reports on it (the schedule starts the yearly one). */
@Injectable()
export class ComplianceRuns {
  constructor(
    private readonly client: Client,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  async start(year: number): Promise<RunResponse> {
    const workflowId = trainingComplianceWorkflowId(year);
    try {
      await this.client.workflow.start(TRAINING_COMPLIANCE_WORKFLOW_TYPE, {
        taskQueue: this.settings.taskQueue,
        workflowId,
        args: [{ year }],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new DomainError(TrainingError.COMPLIANCE_RUNNING, `The compliance run of ${year} is still running`, { field: 'year' });
      }
      throw error;
    }
    return { workflowId, status: 'started' };
  }

  async status(year: number): Promise<RunResponse> {
    if (year < 2000 || year > 2100) throw DomainError.validation('year', 'year must be between 2000 and 2100');
    const workflowId = trainingComplianceWorkflowId(year);
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      const d = await handle.describe();
      if (d.status.name === 'RUNNING') return { workflowId, status: 'running' };
      if (d.status.name !== 'COMPLETED') return { workflowId, status: 'failed' };
      return { workflowId, status: 'completed', outcome: (await handle.result()) as TrainingComplianceOutcome };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw DomainError.notFound('Compliance run', String(year));
      throw error;
    }
  }
}
