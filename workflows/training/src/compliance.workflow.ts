/**
 * The yearly training compliance run (TRAIN-3, TRAIN-4), started by the schedule
 * `training-compliance-yearly` in January for the year before, or by an operator for any year.
 * One activity does the work in heartbeating chunks; the workflow's history is three events long.
 */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { TrainingComplianceInput, TrainingComplianceOutcome } from '@cwp/contracts';
import type { TrainingComplianceActivities } from './activities';

const acts = proxyActivities<TrainingComplianceActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function trainingComplianceWorkflow(input: TrainingComplianceInput = {}): Promise<TrainingComplianceOutcome> {
  const year = input.year ?? new Date(workflowInfo().startTime).getUTCFullYear() - 1;
  return acts.runCompliance({ year });
}
