/**
 * The OpenAPI classes of the quota-review responses (QUOTA-5; issue 14: every operation documents
 * its success schema). Each `implements` the type the service returns, so a field added to the
 * type without its documentation fails the type-check.
 */
import { ApiProperty } from '@nestjs/swagger';
import { DISTRICT_REVIEW_STATUSES, type DistrictReviewStatus, type QuotaReviewDistrictState } from '@cwp/contracts';
import type { Explanation } from '@cwp/policy';
import type { QuotaProposalResponse, QuotaReviewDistrictResponse, QuotaReviewResponse } from './quota-review.dto';

export class QuotaReviewStartedDoc {
  @ApiProperty({ type: 'integer', example: 2027 }) year!: number;
  @ApiProperty({ example: 'quota-review:2027' }) workflowId!: string;
  @ApiProperty({ type: 'integer' }) decisionDays!: number;
}

export class QuotaReviewDistrictStateDoc implements QuotaReviewDistrictState {
  @ApiProperty({ example: '310101' }) districtCode!: string;
  @ApiProperty({ enum: DISTRICT_REVIEW_STATUSES }) status!: DistrictReviewStatus;
  @ApiProperty({ type: 'integer' }) proposals!: number;
  @ApiProperty({ type: 'integer', description: "Quota rows changed when the district's proposals took effect" }) applied!: number;
}

class QuotaReviewDistrictDoc extends QuotaReviewDistrictStateDoc implements QuotaReviewDistrictResponse {
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class QuotaReviewResponseDoc implements QuotaReviewResponse {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty() workflowId!: string;
  @ApiProperty({ enum: ['opening', 'proposing', 'awaiting-decisions', 'closed'] }) status!: QuotaReviewResponse['status'];
  @ApiProperty({ type: String, nullable: true }) policyVersion!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) decisionDays!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadlineAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: [QuotaReviewDistrictDoc], description: "Within the caller's scope" }) districts!: QuotaReviewDistrictDoc[];
}

export class QuotaProposalResponseDoc implements QuotaProposalResponse {
  @ApiProperty() unitCode!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() districtCode!: string;
  @ApiProperty({ type: 'integer' }) currentQuota!: number;
  @ApiProperty({ type: 'integer' }) proposedQuota!: number;
  @ApiProperty({ type: 'integer', nullable: true }) households!: number | null;
  @ApiProperty() status!: string;
  @ApiProperty() applied!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'QUOTA-2/3 explained: rules, inputs, steps' })
  explanation!: Explanation;
}
