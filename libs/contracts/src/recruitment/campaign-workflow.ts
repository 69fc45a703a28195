/**
 * The contract between the recruitment API and the campaign workflow (REC-1..7): its input (ids
 * and durations only), the operators' updates and the state query. Per-applicant data lives in
 * PostgreSQL; the workflow carries ids and counts, so its history stays small at any size.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { OperatorRef } from '../appraisal/cycle-workflow';
import type { CampaignPhase, CancelReason, CancelStep, ScoreKind, TimedPhase } from './vocabulary';

export interface RecruitmentCampaignInput {
  campaignId: string;
  districtCode: string;
  /**
   * When each timed phase ends unless an operator closes it first: an instant from the campaign's
   * dates (registration window, internship period, exam and interview days) or a duration from the
   * phase's start (assessment, publicity). Config (RECRUITMENT_PHASE_SECONDS) turns every one into
   * a short duration so tests and benches run a whole campaign quickly.
   */
  deadlines: Record<TimedPhase, PhaseDeadline>;
}

export type PhaseDeadline = { at: string } | { afterMs: number };

export interface RecruitmentCampaignState {
  campaignId: string;
  phase: CampaignPhase;
  /** Applicants still in the running after the last set-based step. */
  active: number;
  /** Applicants suspended by an open objection (REC-7). */
  openObjections: number;
  appointed: number;
  /** Set once the campaign is being cancelled (operator or a phase that cannot proceed). */
  cancelReason: CancelReason | null;
  /** The saga's undo steps run so far, in the order they ran. */
  undone: CancelStep[];
}

/** Ends the current timed phase before its deadline. Refused in untimed or final phases. */
export const closePhaseUpdate = defineUpdate<RecruitmentCampaignState, [{ phase: CampaignPhase; by: OperatorRef }]>(
  'recruitmentClosePhase',
);

/**
 * One score of one applicant (REC-6 internship evaluation, REC-1 written exam and interview).
 * The validator refuses a score outside 0..100 or outside its phase before anything is recorded.
 */
export const recordScoreUpdate = defineUpdate<
  RecruitmentCampaignState,
  [{ applicantId: string; kind: ScoreKind; score: number; by: OperatorRef }]
>('recruitmentRecordScore');

/** REC-6: an intern who does not complete the internship is out, with the reason. */
export const internDroppedOutUpdate = defineUpdate<RecruitmentCampaignState, [{ applicantId: string; by: OperatorRef }]>(
  'recruitmentInternDroppedOut',
);

/**
 * The assessment (考核) of a selected applicant, recorded in the assessment phase: passed, or
 * failed, which takes them out (`assessment-failed`) and moves the next-ranked of the post up.
 */
export const recordAssessmentUpdate = defineUpdate<RecruitmentCampaignState, [{ applicantId: string; passed: boolean; by: OperatorRef }]>(
  'recruitmentRecordAssessment',
);

/** REC-7: an objection filed during publicity suspends that applicant. */
export const fileObjectionUpdate = defineUpdate<RecruitmentCampaignState, [{ applicantId: string; by: OperatorRef }]>(
  'recruitmentFileObjection',
);

/** The district's decision: rejected → the appointment proceeds; upheld → the next-ranked moves up. */
export const decideObjectionUpdate = defineUpdate<RecruitmentCampaignState, [{ applicantId: string; upheld: boolean; by: OperatorRef }]>(
  'recruitmentDecideObjection',
);

/**
 * Cancels the campaign (saga): the registered undo steps run in reverse. Refused once the
 * appointment has begun: appointed applicants are hired by the workforce service and stay hired
 * (the appointment is the saga's point of no return; a cancel then answers with that reason).
 */
export const cancelCampaignUpdate = defineUpdate<RecruitmentCampaignState, [{ reason: CancelReason; by: OperatorRef }]>(
  'recruitmentCancelCampaign',
);

export const recruitmentCampaignStateQuery = defineQuery<RecruitmentCampaignState>('recruitmentCampaignState');
