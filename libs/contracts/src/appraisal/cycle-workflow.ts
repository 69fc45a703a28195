/**
 * The contract between the appraisal API and the yearly cycle workflow of one unit (APPR-1..4):
 * input, the operator's close and publish updates and the state query.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export interface AppraisalCycleInput {
  cycleId: string;
  unitCode: string;
  year: number;
  /** When the rating window opens (ISO instant); ratings are refused before it. */
  ratingOpensAt: string;
  /** When the rating window closes by itself (ISO instant). */
  ratingClosesAt: string;
  /** Days before the close at which raters who have not rated are reminded. */
  reminderDays: number;
}

export const CYCLE_PHASES = ['targets', 'rating', 'closing', 'calibrating', 'publishing', 'published'] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];

export interface AppraisalCycleState {
  cycleId: string;
  phase: CyclePhase;
  remindersSent: number;
  closedBy: 'deadline' | 'operator' | null;
  /** Units whose grade distribution exceeds the calibration limit (APPR-2), while calibrating. */
  unitsOverLimit: string[];
  published: number;
}

export interface OperatorRef {
  sub: string;
  role: string;
  unit: string;
}

/** Closes the rating window before its deadline. Refused outside the rating phase. */
export const closeRatingUpdate = defineUpdate<AppraisalCycleState, [{ closedBy: OperatorRef }]>('appraisalCycleCloseRating');

/**
 * Publishes a calibrated cycle. The validator refuses it outside the calibrating phase; the
 * activity refuses it while a unit is still over the calibration limit (calibrate first).
 */
export const publishCycleUpdate = defineUpdate<AppraisalCycleState, [{ publishedBy: OperatorRef }]>('appraisalCyclePublish');

export const appraisalCycleStateQuery = defineQuery<AppraisalCycleState>('appraisalCycleState');
