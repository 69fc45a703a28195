/**
 * The contract between the workforce API and the yearly quota review workflow (QUOTA-5): input,
 * the district decision update and the state query, defined once and imported by both sides.
 * Inputs carry years, codes and operator ids only (no personal data).
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export interface QuotaReviewInput {
  year: number;
  /** How long districts have to decide once proposals are recorded; after it, proposals stand. */
  decisionDays: number;
}

/** What the Schedule passes: the year is the (Shanghai) year in which the scheduled run starts. */
export interface QuotaReviewYearlyInput {
  decisionDays: number;
}

export const QUOTA_DECISIONS = ['approve', 'reject'] as const;
export type QuotaDecision = (typeof QUOTA_DECISIONS)[number];

export const DISTRICT_REVIEW_STATUSES = ['pending', 'deciding', 'approved', 'rejected', 'lapsed-approved', 'no-changes'] as const;
export type DistrictReviewStatus = (typeof DISTRICT_REVIEW_STATUSES)[number];

export interface QuotaReviewDecisionRequest {
  districtCode: string;
  decision: QuotaDecision;
  note?: string;
  /** The operator who decided (JWT sub, role and unit), for the audit trail. */
  decidedBy: { sub: string; role: string; unit: string };
}

export interface QuotaReviewDistrictState {
  districtCode: string;
  status: DistrictReviewStatus;
  proposals: number;
  /** Quota rows changed when the district's proposals took effect. */
  applied: number;
}

export interface QuotaReviewState {
  year: number;
  phase: 'opening' | 'proposing' | 'awaiting-decisions' | 'closing' | 'closed';
  deadlineAt: string | null;
  districts: QuotaReviewDistrictState[];
}

/**
 * A district (or the city) approves or rejects its proposals. The validator refuses a district
 * that is not in the review, not awaiting a decision, or a review no longer awaiting decisions.
 */
export const quotaReviewDecisionUpdate = defineUpdate<QuotaReviewDistrictState, [QuotaReviewDecisionRequest]>(
  'quotaReviewDistrictDecision',
);

export const quotaReviewStateQuery = defineQuery<QuotaReviewState>('quotaReviewState');
