/**
 * Request and response shapes of /api/talent-pool/entries, and the one mapper from the row to the
 * response. Validation happens here, at the edge; personal data leaves only masked.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import {
  EDUCATION_LEVELS,
  ENTRY_STATUSES,
  POOL_CERTIFICATES,
  POOL_MAJORS,
  POOL_SOURCES,
  WITHDRAW_REASONS,
  talentPoolEntryWorkflowId,
  type EducationLevel,
  type EntryStatus,
  type JoinRoute,
  type PoolCertificate,
  type PoolMajor,
  type PoolSource,
  type WithdrawReason,
} from '@cwp/contracts';
import { IsCalendarDate, IsEffectiveDate, IsNationalId, IsPhone, stripWhitespace, trimString } from '@cwp/platform';
import { nationalIdCheckChar, type Explanation } from '@cwp/policy';
import type { EntryEntity } from './entry.entity';

// A synthetic, valid example for the API docs (the check character computed, not a real person's number).
const EXAMPLE_NATIONAL_ID = `31010419900307123${nationalIdCheckChar('31010419900307123')}`;

/** Holding units are streets (9 digits) or districts (6 digits) of Shanghai (`31…`). */
export const HOLDING_UNIT_PATTERN = /^31\d{4}(?:\d{3})?$/;

export class RegisterEntryDto {
  @ApiProperty({ example: '张三', maxLength: 60 })
  @Transform(trimString)
  @IsString()
  @Length(1, 60)
  name!: string;

  /** 18-character citizen identity number (GB 11643); stored encrypted, answered masked. */
  @ApiProperty({ example: EXAMPLE_NATIONAL_ID, description: 'GB 11643 identity number; stored encrypted, answered masked' })
  @Transform(trimString)
  @IsNationalId()
  nationalId!: string;

  @Transform(stripWhitespace)
  @ApiProperty({ example: '13812345678', description: 'Mainland mobile or fixed line; answered masked' })
  @IsPhone()
  phone!: string;

  /** POOL-1 source category. */
  @ApiProperty({ enum: POOL_SOURCES, description: 'POOL-1 source category' })
  @IsIn(POOL_SOURCES)
  source!: PoolSource;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  @IsIn(EDUCATION_LEVELS)
  education!: EducationLevel;

  /** Required for `student` and then one of the REC-4 majors (POOL-1). */
  @ApiPropertyOptional({ enum: POOL_MAJORS, description: 'Required for students: one of the REC-4 majors (POOL-1)' })
  @IsOptional()
  @IsIn(POOL_MAJORS)
  major?: PoolMajor;

  @ApiPropertyOptional({ enum: POOL_CERTIFICATES, isArray: true, description: 'social-worker entries need a social-worker qualification (POOL-1)' })
  @IsOptional()
  @ArrayMaxSize(POOL_CERTIFICATES.length)
  @ArrayUnique()
  @IsIn(POOL_CERTIFICATES, { each: true })
  certificates?: PoolCertificate[];

  /** The street (9 digits) or district (6 digits) that holds the entry; inside the caller's scope. */
  @ApiProperty({ example: '310104003', description: 'Street (9 digits) or district (6 digits) inside your scope' })
  @IsString()
  @Matches(HOLDING_UNIT_PATTERN, { message: 'holdingUnit must be a street (9 digits) or district (6 digits) code of Shanghai' })
  holdingUnit!: string;

  /** POOL-2: 12..24 months under today's parameters; default from the policy version in force. */
  @ApiPropertyOptional({ example: 24, description: 'POOL-2 reserve period in months (bounds and default are policy parameters)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  reservePeriodMonths?: number;
}

export class WithdrawEntryDto {
  @ApiProperty({ enum: WITHDRAW_REASONS })
  @IsIn(WITHDRAW_REASONS)
  reason!: WithdrawReason;
}

export class JoinEntryDto {
  /** Day the candidate joined (REC-1 appointment); default today (Shanghai). */
  @ApiPropertyOptional({ example: '2027-03-01', description: 'Default today (Shanghai)' })
  @IsOptional()
  @IsEffectiveDate()
  joinedOn?: string;

  /** Workforce worker id, when known. */
  @ApiPropertyOptional({ example: 'w-123' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'workerId may hold letters, digits and . _ : - only' })
  workerId?: string;
}

export class ListEntriesQueryDto {
  @ApiPropertyOptional({ enum: POOL_SOURCES })
  @IsOptional()
  @IsIn(POOL_SOURCES)
  source?: PoolSource;

  @ApiPropertyOptional({ enum: ENTRY_STATUSES })
  @IsOptional()
  @IsIn(ENTRY_STATUSES)
  status?: EntryStatus;

  /** Any unit code: narrows the list to that unit's subtree (still inside the caller's scope). */
  @ApiPropertyOptional({ example: '310104', description: "Narrows to this unit's subtree, within your scope" })
  @IsOptional()
  @Matches(/^31\d{0,10}$/, { message: 'unit must be an org unit code starting with 31' })
  unit?: string;

  /** Entries whose period ends before this day. */
  @ApiPropertyOptional({ example: '2027-12-31' })
  @IsOptional()
  @IsCalendarDate()
  expiringBefore?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}

export interface EntryResponse {
  id: string;
  status: EntryStatus;
  holdingUnit: string;
  source: PoolSource;
  education: EducationLevel;
  major: PoolMajor | null;
  certificates: PoolCertificate[];
  /** Personal data, present while active; masked numbers only. Null once the entry ended. */
  name: string | null;
  nationalIdMasked: string | null;
  phoneMasked: string | null;
  registeredOn: string;
  expiresOn: string;
  reservePeriod: { months: number; reminderDays: number; explanation: Explanation; schedule: Explanation };
  endedOn: string | null;
  joinRoute: JoinRoute | null;
  joinedWorkerId: string | null;
  withdrawReason: WithdrawReason | null;
  workflowId: string;
  version: number;
}

export interface EntryPageResponse {
  items: EntryResponse[];
  page: number;
  pageSize: number;
  total: number;
}

/** The only way a row leaves the service: masked numbers, never a ciphertext or person_ref. */
export function toEntryResponse(row: EntryEntity): EntryResponse {
  return {
    id: row.id,
    status: row.status,
    holdingUnit: row.holdingUnit,
    source: row.source,
    education: row.education,
    major: row.major,
    certificates: row.certificates,
    name: row.name,
    nationalIdMasked: row.nationalIdMasked,
    phoneMasked: row.phoneMasked,
    registeredOn: row.registeredOn,
    expiresOn: row.expiresOn,
    reservePeriod: {
      months: row.reserveMonths,
      reminderDays: row.reminderDays,
      explanation: row.reserveExplanation.period,
      schedule: row.reserveExplanation.schedule,
    },
    endedOn: row.endedOn,
    joinRoute: row.joinRoute,
    joinedWorkerId: row.joinedWorkerId,
    withdrawReason: row.withdrawReason,
    workflowId: talentPoolEntryWorkflowId(row.id),
    version: row.version,
  };
}
