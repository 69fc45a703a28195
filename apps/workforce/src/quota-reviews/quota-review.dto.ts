/** Request and response shapes of /api/workforce/quota-reviews (QUOTA-5). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { QUOTA_DECISIONS, type DistrictReviewStatus, type QuotaDecision } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';

export class StartQuotaReviewDto {
  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2200)
  year!: number;

  /** Days districts have to decide (default WORKFORCE_QUOTA_REVIEW_DECISION_DAYS). */
  @ApiPropertyOptional({ example: 30, description: 'Days districts have to decide; default WORKFORCE_QUOTA_REVIEW_DECISION_DAYS' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  decisionDays?: number;
}

export class QuotaReviewDecisionDto {
  @ApiProperty({ enum: QUOTA_DECISIONS })
  @IsIn(QUOTA_DECISIONS)
  decision!: QuotaDecision;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export interface QuotaReviewDistrictResponse {
  districtCode: string;
  status: DistrictReviewStatus;
  proposals: number;
  applied: number;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

export interface QuotaReviewResponse {
  year: number;
  workflowId: string;
  status: 'opening' | 'proposing' | 'awaiting-decisions' | 'closed';
  policyVersion: string | null;
  decisionDays: number | null;
  deadlineAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  /** Within the caller's scope: every district for the city, its own district otherwise. */
  districts: QuotaReviewDistrictResponse[];
}

export interface QuotaProposalResponse {
  unitCode: string;
  kind: string;
  districtCode: string;
  currentQuota: number;
  proposedQuota: number;
  households: number | null;
  status: string;
  applied: boolean;
  explanation: Explanation;
}
