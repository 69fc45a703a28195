/**
 * Request and response DTOs of /api/talent-pool/entries (Swagger reads both), and the one mapper
 * from the row to the response. Validation happens here, at the edge; personal data leaves only masked.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import {
  EDUCATION_LEVELS,
  ENTRY_STATUSES,
  JOIN_ROUTES,
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
import type { NewEntryRow } from './entry.row';

// A synthetic, valid example for the API docs (the check character computed, not a real person's number).
const EXAMPLE_NATIONAL_ID = `31010419900307123${nationalIdCheckChar('31010419900307123')}`;

/** Holding units are streets (9 digits) or districts (6 digits) of Shanghai (`31…`). */
export const HOLDING_UNIT_PATTERN = /^31\d{4}(?:\d{3})?$/;
/** Any level of the tree: the city (31), a district (6 digits), a street (9) or a residential area (12). */
const ORG_UNIT_CODE_PATTERN = /^31(?:\d{4}|\d{7}|\d{10})?$/;

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

  @ApiPropertyOptional({
    enum: POOL_CERTIFICATES,
    isArray: true,
    description: 'social-worker entries need a social-worker qualification (POOL-1)',
  })
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

  /**
   * Any unit code: narrows the list to that unit's subtree, which must lie inside the caller's
   * scope (else 404, audited). A string that is no unit code is 400 on `unit`.
   */
  @ApiPropertyOptional({ example: '310104', description: "Narrows to this unit's subtree; outside your scope: 404" })
  @IsOptional()
  @Matches(ORG_UNIT_CODE_PATTERN, { message: 'unit must be an org unit code (2, 6, 9 or 12 digits starting with 31)' })
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

/** POOL-2 figures of an entry, each with its explanation from @cwp/policy. */
export class ReservePeriodResponse {
  @ApiProperty({ example: 24, description: 'POOL-2 reserve period in months' })
  months!: number;

  @ApiProperty({ example: 30, description: 'Days before expiry the expiring reminder is sent' })
  reminderDays!: number;

  @ApiProperty({ type: Object, description: 'POOL-2 explanation of the period: rules, inputs, steps' })
  explanation!: Explanation;

  @ApiProperty({ type: Object, description: 'POOL-2 explanation of the expiry schedule: rules, inputs, steps' })
  schedule!: Explanation;
}

export class EntryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ENTRY_STATUSES })
  status!: EntryStatus;

  @ApiProperty({ example: '310104003' })
  holdingUnit!: string;

  @ApiProperty({ enum: POOL_SOURCES })
  source!: PoolSource;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  education!: EducationLevel;

  @ApiProperty({ enum: POOL_MAJORS, nullable: true })
  major!: PoolMajor | null;

  @ApiProperty({ enum: POOL_CERTIFICATES, isArray: true })
  certificates!: PoolCertificate[];

  /** Personal data, present while active; masked numbers only. Null once the entry ended. */
  @ApiProperty({ type: String, nullable: true, description: 'Present while active; null once the entry ended' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '3101**********123X', description: 'Masked; null once the entry ended' })
  nationalIdMasked!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '138****5678', description: 'Masked; null once the entry ended' })
  phoneMasked!: string | null;

  @ApiProperty({ format: 'date' })
  registeredOn!: string;

  @ApiProperty({ format: 'date' })
  expiresOn!: string;

  @ApiProperty({ type: ReservePeriodResponse })
  reservePeriod!: ReservePeriodResponse;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endedOn!: string | null;

  @ApiProperty({ enum: JOIN_ROUTES, nullable: true })
  joinRoute!: JoinRoute | null;

  @ApiProperty({ type: String, nullable: true })
  joinedWorkerId!: string | null;

  @ApiProperty({ enum: WITHDRAW_REASONS, nullable: true })
  withdrawReason!: WithdrawReason | null;

  @ApiProperty({ example: 'talent-pool-entry:0b7d3a52-4c55-4b1e-9a43-6f3f3f1d2a10' })
  workflowId!: string;

  @ApiProperty({ example: 1 })
  version!: number;
}

export class EntryPageResponse {
  @ApiProperty({ type: [EntryResponse] })
  items!: EntryResponse[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  pageSize!: number;

  @ApiProperty({ example: 1 })
  total!: number;
}

/** One page of a keyset walk (`GET /entries/changes`). */
export class EntryChangesResponse {
  @ApiProperty({ type: [EntryResponse] })
  items!: EntryResponse[];

  @ApiProperty({ description: 'Opaque: pass it as cursor for the next page; keep the last one to ask later for what changed since' })
  nextCursor!: string;

  @ApiProperty({ description: 'False on the last page for now' })
  hasMore!: boolean;
}

/** The only way a row leaves the service: masked numbers, never a ciphertext or person_ref. */
export function toEntryResponse(row: NewEntryRow): EntryResponse {
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
