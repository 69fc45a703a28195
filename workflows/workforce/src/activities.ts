/**
 * The activities of the quota review workflow, as a type: apps/workforce implements them
 * (src/quota-reviews), the workflow imports this file with `import type` only. Every one is
 * idempotent on the database rows, so Temporal may retry them freely.
 */
import type { DistrictReviewStatus } from '@cwp/contracts';

export interface OpenReviewResult {
  /** District codes of the city, in code order. */
  districts: string[];
  policyVersion: string;
}

export interface ProposeForDistrictResult {
  proposals: number;
}

export type DistrictOutcome = 'approved' | 'rejected' | 'lapsed-approved';

export interface DecideDistrictInput {
  year: number;
  districtCode: string;
  outcome: DistrictOutcome;
  note?: string;
  decidedBy: { sub: string; role: string; unit: string };
}

export interface DecideDistrictResult {
  /** The district's status after the call (an earlier decision wins: the call is idempotent). */
  status: DistrictReviewStatus;
  applied: number;
}

export interface QuotaReviewActivities {
  /** Records the review (once per year) and announces it; lists the districts to review. */
  openReview(input: { year: number; decisionDays: number }): Promise<OpenReviewResult>;
  /**
   * QUOTA-5: recomputes every unit of the district from its current households, in chunks over
   * rows read in code order, heartbeating the last code done (a retry resumes there), and records
   * the proposed changes.
   */
  proposeForDistrict(input: { year: number; districtCode: string }): Promise<ProposeForDistrictResult>;
  /** Marks the decision period and its deadline on the review. */
  startDecisionPeriod(input: { year: number; deadlineAt: string }): Promise<void>;
  /** Records a district's decision; approved (or lapsed-approved) proposals take effect. */
  decideDistrict(input: DecideDistrictInput): Promise<DecideDistrictResult>;
  closeReview(input: { year: number }): Promise<void>;
}
