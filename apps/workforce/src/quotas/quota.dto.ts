/** Request and response shapes of the quota endpoints (QUOTA-1..4). */
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import type { Explanation } from '@cwp/policy';
import type { LoanRow, QuotaRow } from './quota.row';

export class LendFloatingQuotaDto {
  /** A residential area (12 digits) of the street in the path. */
  @ApiProperty({ example: '310101002001', description: 'A residential area (12 digits) of the street in the path' })
  @IsString()
  @Matches(/^31\d{10}$/, { message: 'areaCode must be a residential area code (12 digits starting with 31)' })
  areaCode!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 1000, description: 'Floating places to lend (QUOTA-4)' })
  @IsInt()
  @Min(1)
  @Max(1000)
  amount!: number;
}

export interface StoredQuota {
  kind: 'area' | 'centre' | 'floating';
  value: number;
  range: { min: number; max: number } | null;
  borrowed: number;
  lent: number;
  explanation: Explanation;
  policyVersion: string;
  effectiveFrom: string;
  version: number;
}

export interface UnitQuotaResponse {
  unitCode: string;
  kind: string;
  /** The unit's staffing quota: its areas' quotas plus floating places they borrowed, plus its streets' centres (QUOTA-1..4). */
  quota: number;
  breakdown: {
    areas: { units: number; quota: number; borrowed: number };
    centres: { units: number; quota: number };
    floating: { held: number; lent: number; available: number };
  };
  explanation: Explanation;
  /** The stored quota rows of this very unit, each with its own explanation. */
  stored: StoredQuota[];
}

export interface FloatingLoanResponse {
  id: string;
  streetCode: string;
  areaCode: string;
  amount: number;
  status: 'open' | 'returned';
  lentOn: string;
  returnedOn: string | null;
  balance: { held: number; lent: number; available: number };
}

export function toStoredQuota(row: QuotaRow): StoredQuota {
  return {
    kind: row.kind,
    value: row.value,
    range: row.min === null || row.max === null ? null : { min: row.min, max: row.max },
    borrowed: row.borrowed,
    lent: row.lent,
    explanation: row.explanation,
    policyVersion: row.policy_version,
    effectiveFrom: row.effective_from,
    version: row.version,
  };
}

export function toLoanResponse(row: LoanRow, balance: FloatingLoanResponse['balance']): FloatingLoanResponse {
  return {
    id: row.id,
    streetCode: row.street_code,
    areaCode: row.area_code,
    amount: row.amount,
    status: row.status,
    lentOn: row.lent_on,
    returnedOn: row.returned_on,
    balance,
  };
}
