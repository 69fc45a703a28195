/** The rows of the yearly review (QUOTA-5): quota_reviews, quota_review_districts, quota_proposals. */
import type { DistrictReviewStatus } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';

export type ReviewStatus = 'proposing' | 'awaiting-decisions' | 'closed';
export type ProposalKind = 'area' | 'centre' | 'floating';

export interface QuotaReviewRow {
  status: ReviewStatus;
  policy_version: string;
  decision_days: number;
  deadline_at: Date | null;
  opened_at: Date;
  closed_at: Date | null;
}

export interface ReviewDistrictRow {
  district_code: string;
  status: DistrictReviewStatus;
  proposals: number;
  applied: number;
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
}

export interface ProposalRow {
  unit_code: string;
  kind: ProposalKind;
  district_code: string;
  current_quota: number;
  proposed_quota: number;
  households: number | null;
  status: string;
  applied: boolean;
  explanation: Explanation;
}

/** A proposal to write: a unit whose recomputed quota differs from the current one. */
export interface NewProposal {
  unitCode: string;
  kind: ProposalKind;
  currentQuota: number;
  proposedQuota: number;
  proposedMin: number | null;
  proposedMax: number | null;
  households: number | null;
  explanation: Explanation;
}

/** A quota the review changed (what the quota-changed event says). */
export interface AppliedProposal {
  unit_code: string;
  kind: ProposalKind;
  current_quota: number;
  value: number;
  explanation: Explanation;
  policy_version: string;
}

/** What a closed review counts, for its event. */
export interface ReviewTotals {
  proposals: { proposals: number; applied: number; rejected: number };
  districts: { approved: number; rejected: number; lapsedApproved: number; noChanges: number };
}
