/**
 * The contract between the training service and a confirmed reserve cadre's workflow (REC-8): a
 * yearly review timer from the day the district confirmed the candidate. Ids and dates only.
 */
import { defineSignal } from '@temporalio/workflow';

export interface ReserveCadreInput {
  cadreId: string;
  /** The day the district confirmed the cadre (YYYY-MM-DD): reviews fall on its anniversaries. */
  confirmedOn: string;
  /** Years between reviews (REC-8 "reviewed yearly": 1). */
  reviewEveryYears: number;
  /** Reviews opened by earlier runs (continueAsNew keeps each run's history small). */
  reviewsOpened?: number;
}

export interface ReserveCadreOutcome {
  cadreId: string;
  reviewsOpened: number;
  ended: 'removed' | 'declined' | 'exited';
}

/** The cadre left the reserve (removed at a review, or the worker left): the timer ends at once. */
export const reserveCadreEndedSignal = defineSignal<[{ reason: 'removed' | 'exited' }]>('reserveCadreEnded');
