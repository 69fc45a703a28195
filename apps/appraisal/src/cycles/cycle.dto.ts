/** Request and response shapes of /api/appraisal/cycles. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { APPRAISAL_GRADES, type AppraisalGrade } from '@cwp/contracts';
import { trimString } from '@cwp/platform';
import type { CycleRow } from './cycle.row';

export class OpenCycleDto {
  @ApiProperty({ example: '310101', description: 'The district, or a street for its own units, that runs the cycle (in the caller scope)' })
  @Matches(/^31\d{4}(\d{3})?$/, { message: 'unitCode must be a district (6 digits) or street (9 digits) code of Shanghai' })
  unitCode!: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+08:00', description: 'When the rating window opens (default now)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'ratingOpensAt must be an ISO-8601 instant' })
  ratingOpensAt?: string;

  @ApiProperty({ example: '2026-12-31T23:59:59+08:00', description: 'When the rating window closes by itself' })
  @IsISO8601({ strict: true }, { message: 'ratingClosesAt must be an ISO-8601 instant' })
  ratingClosesAt!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 60, default: 7, description: 'Days before the close at which raters are reminded' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  reminderDays?: number;
}

export class TargetDto {
  @ApiProperty()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'workerId must be a worker id' })
  workerId!: string;

  @ApiProperty({ enum: ['annual', 'term'], description: 'APPR-4' })
  @IsIn(['annual', 'term'])
  kind!: 'annual' | 'term';

  @ApiProperty({ maxLength: 500 })
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  description!: string;
}

export class TargetsDto {
  @ApiProperty({ type: [TargetDto], maxItems: 500 })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  targets!: TargetDto[];
}

export class CalibrationDto {
  @ApiProperty()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'workerId must be a worker id' })
  workerId!: string;

  @ApiProperty({ enum: APPRAISAL_GRADES })
  @IsIn(APPRAISAL_GRADES)
  grade!: AppraisalGrade;

  @ApiProperty({ maxLength: 500, description: 'Why the grade moves (kept in the explanation and the audit trail)' })
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class CycleListQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class CycleResponse {
  @ApiProperty() id!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['targets', 'rating', 'closing', 'calibrating', 'publishing', 'published'] }) phase!: string;
  @ApiProperty() policyVersion!: string;
  @ApiProperty() ratingOpensAt!: string;
  @ApiProperty() ratingClosesAt!: string;
  @ApiProperty() reminderDays!: number;
  @ApiProperty({ description: 'APPR-2: the largest share of excellent grades per street' }) excellentShareLimit!: number;
  @ApiProperty({ type: [String] }) unitsOverLimit!: string[];
  @ApiPropertyOptional({ nullable: true }) publishedAt!: string | null;
  @ApiProperty() version!: number;
}

export function toCycleResponse(row: CycleRow): CycleResponse {
  return {
    id: row.id,
    unitCode: row.unitCode,
    year: row.year,
    phase: row.phase,
    policyVersion: row.policyVersion,
    ratingOpensAt: row.ratingOpensAt.toISOString(),
    ratingClosesAt: row.ratingClosesAt.toISOString(),
    reminderDays: row.reminderDays,
    excellentShareLimit: row.excellentShareLimit,
    unitsOverLimit: row.unitsOverLimit,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    version: row.version,
  };
}
