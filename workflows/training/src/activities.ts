/**
 * The activities of the training workflows, as types: apps/training implements them
 * (src/roster/workflow, src/compliance/workflow); the workflows import this file with `import type`
 * only. Every one is idempotent on its business key, so Temporal may retry them freely.
 */
import type { PlanMilestone, TrainingComplianceOutcome } from '@cwp/contracts';

export interface MilestoneResult {
  met: boolean;
  missing: string[];
}

export interface DevelopmentPlanActivities {
  /**
   * TRAIN-2: reminds the worker's street of the four ones still missing (reads the evidence rows;
   * one reminder row per worker and `round`, so a retry writes nothing twice). Returns what is missing.
   */
  remindFourOnes(input: { workerId: string; round: number; dueBy: string }): Promise<{ missing: string[] }>;
  /** TRAIN-2: the 3-year qualified check or the 7-year maturity milestone: row + `plan.milestone` event, once per worker and milestone. */
  recordMilestone(input: { workerId: string; milestone: PlanMilestone; on: string }): Promise<MilestoneResult>;
  /** The plan ended (exit or completion): marks the roster row's plan closed. */
  closePlan(input: { workerId: string; reason: 'exited' | 'completed' }): Promise<void>;
}

export interface TrainingComplianceActivities {
  /**
   * TRAIN-3, TRAIN-4: judges every active worker for `year` in heartbeating chunks of streamed
   * roster rows (set-based SQL per chunk; a retry resumes after the last committed chunk), writes
   * the results, appends shortfall / cleared events in one batch per chunk.
   */
  runCompliance(input: { year: number }): Promise<TrainingComplianceOutcome>;
}

export interface ReserveCadreActivities {
  /**
   * REC-8: opens the cadre's review number `round` (due `dueOn`) for the district, once per cadre and
   * round; a cadre whose worker left is ended here. Returns the cadre's status after it.
   */
  openCadreReview(input: { cadreId: string; round: number; dueOn: string }): Promise<{ status: 'confirmed' | 'removed' | 'exited' }>;
}

export interface MentorshipActivities {
  /**
   * TRAIN-9: reminds the street when the pair has no check-in after `since` up to `dueBy` (one
   * reminder row per pair and `dueBy`). Returns the latest check-in date and whether it reminded.
   */
  remindMentorship(input: {
    mentorshipId: string;
    since: string;
    dueBy: string;
  }): Promise<{ reminded: boolean; lastCheckin: string | null }>;
  /** TRAIN-9: the plan ended: marks the pair closed; returns the objectives met at the latest check-in. */
  closeMentorship(input: { mentorshipId: string }): Promise<{ objectivesMet: number }>;
}
