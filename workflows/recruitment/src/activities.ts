/**
 * The activities of the campaign workflow, as types: apps/recruitment implements them
 * (src/selection/workflow), the workflow imports this file with `import type` only. Every one is
 * set-based over the campaign's applicants in PostgreSQL and idempotent (guarded by status), so
 * Temporal may retry it freely; the workflow only receives counts.
 */
import type { CampaignPhase, CancelReason, CancelStep, OperatorRef, ScoreKind } from '@cwp/contracts';

export interface CampaignRef {
  campaignId: string;
}

export interface RecruitmentCampaignActivities {
  /** Records the campaign's phase (row + audit + `campaign.phase-changed`); a repeat is a no-op. */
  enterPhase(input: CampaignRef & { phase: CampaignPhase }): Promise<void>;
  /** REC-4/5 screening: registered applicants become eligible or ineligible (decided at application). */
  screen(input: CampaignRef): Promise<{ eligible: number }>;
  /** REC-6: every eligible applicant is placed with the post's street as host for the internship. */
  placeInterns(input: CampaignRef): Promise<{ interns: number }>;
  /** One score (0..100, validated again): refused (non-retryable) for an applicant not in that step. */
  recordScore(input: CampaignRef & { applicantId: string; kind: ScoreKind; score: number; by: OperatorRef }): Promise<void>;
  /** REC-6: an intern who stopped is out with the reason. */
  dropIntern(input: CampaignRef & { applicantId: string; by: OperatorRef }): Promise<void>;
  /** Closes a scored step: whoever lacks that score is out with the step's reason; returns who remains. */
  closeScores(input: CampaignRef & { kind: ScoreKind }): Promise<{ active: number }>;
  /** REC-6: combined score and rank per post (chunked, heartbeating); the best `count` per post are selected. */
  rank(input: CampaignRef): Promise<{ ranked: number; selected: number }>;
  /** REC-7: an objection suspends a selected applicant. */
  fileObjection(input: CampaignRef & { applicantId: string; by: OperatorRef }): Promise<void>;
  /** Rejected: selected again. Upheld: out, and the next-ranked of the post is selected. */
  decideObjection(input: CampaignRef & { applicantId: string; upheld: boolean; by: OperatorRef }): Promise<{ promoted: string | null }>;
  /** REC-1: every selected applicant is appointed (chunked; `applicant.appointed` per applicant). */
  appoint(input: CampaignRef): Promise<{ appointed: number }>;
  /** 考核: a selected applicant passed, or failed (out, `assessment-failed`; the next-ranked of the post moves up). */
  recordAssessment(input: CampaignRef & { applicantId: string; passed: boolean; by: OperatorRef }): Promise<{ promoted: string | null }>;

  // The cancellation saga's undo steps: each idempotent, never touching an appointed applicant.
  /** REC-7: the published results are withdrawn (the campaign's ranking is no longer served). */
  withdrawResults(input: CampaignRef): Promise<void>;
  /** REC-6: interns leave their host streets (host cleared); returns how many were released. */
  releaseInterns(input: CampaignRef): Promise<{ interns: number }>;
  /** Every applicant still in the running is out (`campaign-cancelled`), told by `applicant.released` (chunked). */
  releaseApplicants(input: CampaignRef): Promise<{ applicants: number }>;
  /** Last undo: the campaign is cancelled and its posts stop holding vacancies (`campaign.cancelled`). */
  releasePosts(
    input: CampaignRef & {
      reason: CancelReason;
      previousPhase: CampaignPhase;
      undone: CancelStep[];
      applicants: number;
      interns: number;
    },
  ): Promise<void>;
}
