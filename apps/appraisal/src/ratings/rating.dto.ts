/** Request and response shapes of ratings: operators' (management, peers) and residents'. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { trimString } from '@cwp/platform';

const WORKER_ID = /^[A-Za-z0-9-]{1,64}$/;

/** APPR-1: 德能勤绩廉, each 0..100. */
export class DimensionScoresDto {
  @ApiProperty({ minimum: 0, maximum: 100, description: '德 morality' }) @IsInt() @Min(0) @Max(100) morality!: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: '能 ability' }) @IsInt() @Min(0) @Max(100) ability!: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: '勤 diligence' }) @IsInt() @Min(0) @Max(100) diligence!: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: '绩 performance' }) @IsInt() @Min(0) @Max(100) performance!: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: '廉 integrity' }) @IsInt() @Min(0) @Max(100) integrity!: number;
}

export class WorkerRatingDto {
  @ApiProperty()
  @Matches(WORKER_ID, { message: 'workerId must be a worker id' })
  workerId!: string;

  @ApiProperty({ type: DimensionScoresDto })
  @ValidateNested()
  @Type(() => DimensionScoresDto)
  scores!: DimensionScoresDto;
}

export class OperatorRatingsDto {
  @ApiProperty({
    enum: ['management', 'peers'],
    description: 'APPR-3: the higher management unit (the caller), or peers entered by the street',
  })
  @IsIn(['management', 'peers'])
  source!: 'management' | 'peers';

  @ApiPropertyOptional({ description: 'peers: the rating colleague (a worker of the same unit)' })
  // Required for peers; when sent with another source it must still be a worker id, never silently ignored.
  @ValidateIf((o: OperatorRatingsDto) => o.source === 'peers' || o.raterWorkerId !== undefined)
  @Matches(WORKER_ID, { message: 'raterWorkerId must be a worker id' })
  raterWorkerId?: string;

  @ApiProperty({ type: [WorkerRatingDto], maxItems: 500 })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => WorkerRatingDto)
  ratings!: WorkerRatingDto[];
}

export class ResidentRatingDto {
  @ApiProperty()
  @Matches(WORKER_ID, { message: 'workerId must be a worker id' })
  workerId!: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({
    description:
      "The resident's own identifier (e.g. a mobile number). Never stored or logged: only a keyed hash decides one rating per worker and year",
  })
  @Transform(trimString)
  @IsString()
  @Length(4, 64)
  residentId!: string;

  @ApiProperty({ type: DimensionScoresDto })
  @ValidateNested()
  @Type(() => DimensionScoresDto)
  scores!: DimensionScoresDto;
}

export class RatingCountResponse {
  @ApiProperty() workerId!: string;
  @ApiProperty() management!: number;
  @ApiProperty() peers!: number;
  @ApiProperty({ description: 'How many residents rated (never who)' }) residents!: number;
}

/** A resident's rating was recorded (nothing about the resident is returned or stored). */
export class ResidentRatingResponse {
  @ApiProperty({ enum: [true] }) recorded!: true;
}
