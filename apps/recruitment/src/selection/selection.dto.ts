import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';
import { CAMPAIGN_PHASES, SCORE_KINDS, type CampaignPhase, type ScoreKind } from '@cwp/contracts';

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

  @ApiProperty({ description: 'CSV text: header "applicantId,score" (or "报名编号,成绩"), one applicant per line' })
  @IsString()
  @MaxLength(4_000_000)
  csv!: string;
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

export class CampaignStateResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ enum: CAMPAIGN_PHASES }) phase!: CampaignPhase;
  @ApiProperty() active!: number;
  @ApiProperty() openObjections!: number;
  @ApiProperty() appointed!: number;
}

export class ScoreFileResponse {
  @ApiProperty() stored!: number;
}
