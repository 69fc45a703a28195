/** Request and response DTOs of /api/training/mentorships (TRAIN-9), and the mapper. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, trimString } from '@cwp/platform';
import type { CheckinRow, MentorshipRow } from './mentorship.row';

const WORKER_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export class CreateMentorshipDto {
  @ApiProperty()
  @Matches(WORKER_ID, { message: 'mentorId must be a worker id' })
  mentorId!: string;

  @ApiProperty()
  @Matches(WORKER_ID, { message: 'menteeId must be a worker id' })
  menteeId!: string;

  /** What the mentee is to learn (named objectives, TRAIN-9). */
  @ApiProperty({ type: [String], example: ['独立主持居民议事会', '掌握低保申请审核流程'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  objectives!: string[];

  @ApiProperty({ example: '每月一次跟岗，每季度一次复盘' })
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  plan!: string;

  @ApiProperty({ example: '2026-09-01' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({ example: '2027-08-31' })
  @IsCalendarDate()
  endsOn!: string;

  /** TRAIN-9: the street is reminded when this many days pass without a check-in (default 30). */
  @ApiPropertyOptional({ minimum: 7, maximum: 180, default: 30 })
  @IsOptional()
  @IsInt()
  @Min(7)
  @Max(180)
  checkinEveryDays?: number;
}

export class CheckinDto {
  @ApiProperty({ example: '2026-10-15' })
  @IsCalendarDate()
  onDate!: string;

  @ApiProperty({ example: '跟岗参与议事会一次，能独立记录议题' })
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  note!: string;

  /** Indexes (0-based) of the objectives met so far. */
  @ApiProperty({ type: [Number], example: [0] })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(9, { each: true })
  objectivesMet!: number[];
}

export class CheckinResponse {
  @ApiProperty() onDate!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ type: [Number] }) objectivesMet!: number[];
}

export class MentorshipResponse {
  @ApiProperty() id!: string;
  @ApiProperty() mentorId!: string;
  @ApiProperty() menteeId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ type: [String] }) objectives!: string[];
  @ApiProperty() plan!: string;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty({ type: [CheckinResponse] }) checkins!: CheckinResponse[];
  @ApiProperty({ description: 'Objectives met at the latest check-in' }) objectivesMet!: number;
  @ApiProperty() checkinEveryDays!: number;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({
    type: [String],
    description: 'TRAIN-9: due dates of the periods that passed without a check-in (the street was reminded)',
  })
  reminders!: string[];
}

export function toMentorshipResponse(row: MentorshipRow, checkins: CheckinRow[], reminders: string[] = []): MentorshipResponse {
  const latest = checkins[checkins.length - 1];
  return { ...row, checkins, objectivesMet: latest ? latest.objectivesMet.length : 0, reminders };
}
