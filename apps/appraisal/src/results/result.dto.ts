/** Request and response shapes of results, appeals, the distribution report and the top ten. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { APPRAISAL_GRADES, INCENTIVE_LEVELS, type AppraisalGrade, type IncentiveLevel } from '@cwp/contracts';
import { trimString } from '@cwp/platform';
import type { Explanation } from '@cwp/policy';
import type { ResultRow } from './result.row';

const UNIT = /^31(\d{4}(\d{3}(\d{3})?)?)?$/;

export class YearParam {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class ResultListQuery {
  @ApiProperty({ example: '310101002' })
  @Matches(UNIT, { message: 'unit must be an org-unit code of Shanghai (2, 6, 9 or 12 digits)' })
  unit!: string;

  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ description: 'Keyset: the last worker id of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, { message: 'after must be a worker id' })
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ReportQuery {
  @ApiProperty({ example: '310101', description: 'The city (31) or a district (6 digits)' })
  @Matches(/^31(\d{4})?$/, { message: 'unit must be the city (31) or a district (6 digits)' })
  unit!: string;

  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class AppealDto {
  @ApiProperty({ maxLength: 1000 })
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class AppealDecisionDto {
  @ApiProperty({ enum: ['upheld', 'rejected'] })
  @IsIn(['upheld', 'rejected'])
  outcome!: 'upheld' | 'rejected';

  @ApiPropertyOptional({ enum: APPRAISAL_GRADES, description: 'The new grade (required when upheld)' })
  @ValidateIf((o: AppealDecisionDto) => o.outcome === 'upheld' || o.grade !== undefined)
  @IsIn(APPRAISAL_GRADES)
  grade?: AppraisalGrade;

  @ApiProperty({ maxLength: 1000 })
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class TopTenDto {
  @ApiProperty({ enum: INCENTIVE_LEVELS })
  @IsIn(INCENTIVE_LEVELS)
  level!: IncentiveLevel;

  @ApiProperty({ example: '310101' })
  @Matches(/^31(\d{4})?$/, { message: 'unitCode must be the city (31) or a district (6 digits)' })
  unitCode!: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class ResultResponse {
  @ApiProperty() workerId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() unitCode!: string;
  @ApiPropertyOptional({ nullable: true }) score!: number | null;
  @ApiProperty({ enum: APPRAISAL_GRADES }) grade!: AppraisalGrade;
  @ApiProperty({ enum: APPRAISAL_GRADES, description: 'What the score maps to (APPR-2)' }) mappedGrade!: AppraisalGrade;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: string;
  @ApiProperty() policyVersion!: string;
  @ApiProperty({ description: 'Calibration moves (APPR-2), each with its reason' }) calibrations!: object[];
  @ApiPropertyOptional({ nullable: true, enum: ['filed', 'upheld', 'rejected'] }) appealStatus!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Sources, weights, dimension scores, mapping, calibration and appeal steps (libs/policy)' })
  explanation!: Explanation;
}

export function toResultResponse(row: ResultRow): ResultResponse {
  return {
    workerId: row.workerId,
    year: row.year,
    unitCode: row.unitCode,
    score: row.score,
    grade: row.grade,
    mappedGrade: row.mappedGrade,
    status: row.status,
    policyVersion: row.policyVersion,
    calibrations: row.calibrations,
    appealStatus: row.appealStatus,
    version: row.version,
    explanation: row.explanation,
  };
}

/** Grade counts (APPR-2 grades). */
export class GradeCountsResponse {
  @ApiProperty() excellent!: number;
  @ApiProperty() qualified!: number;
  @ApiProperty({ name: 'basically-qualified' }) 'basically-qualified'!: number;
  @ApiProperty() unqualified!: number;
}

export class UnitDistributionResponse {
  @ApiProperty({ example: '310101002' }) unitCode!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: GradeCountsResponse }) byGrade!: GradeCountsResponse;
}

/** Published grades of a district (by street) or the city (by district). */
export class DistributionReportResponse {
  @ApiProperty({ example: '310101' }) unitCode!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: GradeCountsResponse }) byGrade!: GradeCountsResponse;
  @ApiProperty({ type: [UnitDistributionResponse] }) units!: UnitDistributionResponse[];
}

export class TopTenEntryResponse {
  @ApiProperty() workerId!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ minimum: 1, maximum: 10 }) rank!: number;
}

/** APPR-6: the selected workers, best score first, with the selection's explanation. */
export class TopTenResponse {
  @ApiProperty({ type: [TopTenEntryResponse] }) selected!: TopTenEntryResponse[];
  @ApiProperty({ description: 'APPR-6: level, unit, year and how the ten were chosen (libs/policy)' }) explanation!: object;
}
