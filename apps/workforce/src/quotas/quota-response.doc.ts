/**
 * The OpenAPI classes of the quota responses (QUOTA-1..4; issue 14: every operation documents its
 * success schema). Each `implements` the response type the service returns, so a field added to
 * the type without its documentation fails the type-check.
 */
import { ApiProperty } from '@nestjs/swagger';
import type { Explanation } from '@cwp/policy';
import type { FloatingLoanResponse, StoredQuota, UnitQuotaResponse } from './quota.dto';

const EXPLANATION = {
  type: 'object',
  additionalProperties: true,
  description: 'The quota explained: rules (ids, English and Chinese titles), inputs, steps',
} as const;

class QuotaRangeDoc {
  @ApiProperty({ type: 'integer' }) min!: number;
  @ApiProperty({ type: 'integer' }) max!: number;
}

class StoredQuotaDoc implements StoredQuota {
  @ApiProperty({ enum: ['area', 'centre', 'floating'] }) kind!: 'area' | 'centre' | 'floating';
  @ApiProperty({ type: 'integer' }) value!: number;
  @ApiProperty({ type: QuotaRangeDoc, nullable: true }) range!: QuotaRangeDoc | null;
  @ApiProperty({ type: 'integer' }) borrowed!: number;
  @ApiProperty({ type: 'integer' }) lent!: number;
  @ApiProperty(EXPLANATION) explanation!: Explanation;
  @ApiProperty() policyVersion!: string;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
}

class AreasBreakdownDoc {
  @ApiProperty({ type: 'integer' }) units!: number;
  @ApiProperty({ type: 'integer' }) quota!: number;
  @ApiProperty({ type: 'integer' }) borrowed!: number;
}

class CentresBreakdownDoc {
  @ApiProperty({ type: 'integer' }) units!: number;
  @ApiProperty({ type: 'integer' }) quota!: number;
}

class FloatingBalanceDoc {
  @ApiProperty({ type: 'integer' }) held!: number;
  @ApiProperty({ type: 'integer' }) lent!: number;
  @ApiProperty({ type: 'integer' }) available!: number;
}

class QuotaBreakdownDoc {
  @ApiProperty({ type: AreasBreakdownDoc }) areas!: AreasBreakdownDoc;
  @ApiProperty({ type: CentresBreakdownDoc }) centres!: CentresBreakdownDoc;
  @ApiProperty({ type: FloatingBalanceDoc }) floating!: FloatingBalanceDoc;
}

export class UnitQuotaResponseDoc implements UnitQuotaResponse {
  @ApiProperty() unitCode!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ type: 'integer', description: "Its areas' quotas plus floating places borrowed, plus its streets' centres (QUOTA-1..4)" })
  quota!: number;
  @ApiProperty({ type: QuotaBreakdownDoc }) breakdown!: QuotaBreakdownDoc;
  @ApiProperty(EXPLANATION) explanation!: Explanation;
  @ApiProperty({ type: [StoredQuotaDoc] }) stored!: StoredQuotaDoc[];
}

export class FloatingLoanResponseDoc implements FloatingLoanResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() streetCode!: string;
  @ApiProperty() areaCode!: string;
  @ApiProperty({ type: 'integer' }) amount!: number;
  @ApiProperty({ enum: ['open', 'returned'] }) status!: 'open' | 'returned';
  @ApiProperty({ format: 'date' }) lentOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) returnedOn!: string | null;
  @ApiProperty({ type: FloatingBalanceDoc }) balance!: FloatingBalanceDoc;
}

export class FloatingLoansResponseDoc {
  @ApiProperty({ type: FloatingBalanceDoc }) balance!: FloatingBalanceDoc;
  @ApiProperty({ type: [FloatingLoanResponseDoc] }) loans!: FloatingLoanResponseDoc[];
}
