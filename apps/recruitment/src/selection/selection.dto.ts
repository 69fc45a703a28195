import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TABULAR_FORMATS, type TabularFormat } from '@cwp/platform';
import { IsBase64, IsBoolean, IsIn, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  CAMPAIGN_PHASES,
  CANCEL_REASONS,
  CANCEL_STEPS,
  SCORE_KINDS,
  type CampaignPhase,
  type CancelReason,
  type CancelStep,
  type ScoreKind,
} from '@cwp/contracts';

export class ScoreDto {
  @ApiProperty({ enum: SCORE_KINDS, description: 'internship (REC-6), written or interview (REC-1)' })
  @IsIn(SCORE_KINDS)
  kind!: ScoreKind;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  score!: number;
}

export class ScoreFileDto {
  @ApiProperty({ enum: SCORE_KINDS })
  @IsIn(SCORE_KINDS)
  kind!: ScoreKind;

  @ApiPropertyOptional({ description: 'CSV text: header "applicantId,score" (or "报名编号,成绩"), one applicant per line' })
  @IsOptional()
  @IsString()
  @MaxLength(4_000_000)
  csv?: string;

  @ApiPropertyOptional({
    description: 'Or an XLSX workbook, base64: its first sheet with the same two columns (give csv or xlsx, not both)',
  })
  @IsOptional()
  @IsBase64()
  @MaxLength(8_000_000)
  xlsx?: string;
}

export class ClosePhaseDto {
  @ApiProperty({ enum: CAMPAIGN_PHASES, description: 'The phase to close (must be the current one)' })
  @IsIn(CAMPAIGN_PHASES)
  phase!: CampaignPhase;
}

export class ObjectionDecisionDto {
  @ApiProperty({ description: 'true: upheld (the applicant is out, the next-ranked moves up); false: rejected' })
  @IsBoolean()
  upheld!: boolean;
}

export class RankingExportQueryDto {
  @ApiPropertyOptional({ enum: TABULAR_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(TABULAR_FORMATS)
  format?: TabularFormat;
}

export class AssessmentDto {
  @ApiProperty({ description: '考核 result: false takes the applicant out (assessment-failed) and moves the next-ranked of the post up' })
  @IsBoolean()
  passed!: boolean;
}

export class CampaignStateResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ enum: CAMPAIGN_PHASES }) phase!: CampaignPhase;
  @ApiProperty() active!: number;
  @ApiProperty() openObjections!: number;
  @ApiProperty() appointed!: number;
  @ApiProperty({ enum: CANCEL_REASONS, nullable: true }) cancelReason!: CancelReason | null;
  @ApiProperty({ enum: CANCEL_STEPS, isArray: true, description: 'The cancellation saga’s undo steps run so far' }) undone!: CancelStep[];
}

export class ScoreFileResponse {
  @ApiProperty() stored!: number;
}
