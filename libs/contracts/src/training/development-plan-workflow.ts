/**
 * The contract between the training service and the per-worker development plan workflow
 * (TRAIN-2: the four ones within three years, the qualified check at 3 years, maturity at 7).
 * Ids and dates only (no personal data).
 */
import { defineQuery, defineSignal } from '@temporalio/workflow';

export interface DevelopmentPlanInput {
  workerId: string;
  unitCode: string;
  /** First day of service, YYYY-MM-DD (the plan's clock). */
  hiredOn: string;
  /** TRAIN-2 milestone years from the policy version in force at hire (3 and 7). */
  qualifiedAfterYears: number;
  matureAfterYears: number;
  /** Days before the three-year deadline of the last reminder (earlier ones fall on each service anniversary). */
  reminderDaysBeforeDue: number;
  /** `maturing`: the run after the qualified check (continueAsNew keeps each run's history small). */
  phase?: 'becoming-qualified' | 'maturing';
  qualified?: boolean | null;
}

export interface DevelopmentPlanState {
  workerId: string;
  unitCode: string;
  phase: 'becoming-qualified' | 'maturing' | 'ended';
  reminders: number;
  qualified: boolean | null;
  mature: boolean | null;
  ended: 'exited' | 'completed' | null;
}

export interface DevelopmentPlanOutcome {
  workerId: string;
  qualified: boolean | null;
  mature: boolean | null;
  ended: 'exited' | 'completed';
}

/** The worker left (workforce `worker.exited`): the plan ends. */
export const planWorkerExitedSignal = defineSignal<[{ exitedOn: string }]>('planWorkerExited');
/** The worker moved to another unit (workforce `worker.transferred`): the plan follows them. */
export const planTransferredSignal = defineSignal<[{ unitCode: string }]>('planTransferred');
export const developmentPlanStateQuery = defineQuery<DevelopmentPlanState>('developmentPlanState');
