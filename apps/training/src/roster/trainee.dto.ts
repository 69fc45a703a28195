/** Request and response DTOs of /api/training/workers (Swagger reads both), and the mappers. */
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import { EDUCATION_LEVELS, type EducationLevel } from '@cwp/contracts';
import { IsCalendarDate, trimString } from '@cwp/platform';
import { FOUR_ONES, type FourOne } from '@cwp/policy';
import type { FourOneRow, MilestoneRow, TraineeRow } from './trainee.row';

export class RecordFourOneDto {
  /** TRAIN-2: which of the four ones. */
  @ApiProperty({ enum: FOUR_ONES })
  @IsIn(FOUR_ONES)
  item!: FourOne;

  @ApiProperty({ example: '2027-05-20' })
  @IsCalendarDate()
  doneOn!: string;

  /** What shows it was done (a report's reference, the host unit, the topic); no personal data. */
  @ApiProperty({ example: '赴杭州市上城区考察社区治理，考察报告编号 2027-017', maxLength: 500 })
  @Transform(trimString)
  @IsString()
  @Length(1, 500)
  evidence!: string;
}

export class SetEducationDto {
  /** TRAIN-6: education decides the theory gap of the recommendations. */
  @ApiProperty({ enum: EDUCATION_LEVELS })
  @IsIn(EDUCATION_LEVELS)
  education!: EducationLevel;
}

export class FourOneResponse {
  @ApiProperty({ enum: FOUR_ONES }) item!: FourOne;
  @ApiProperty() doneOn!: string;
  @ApiProperty() evidence!: string;
}

export class MilestoneResponse {
  @ApiProperty({ enum: ['qualified', 'mature'] }) milestone!: 'qualified' | 'mature';
  @ApiProperty() on!: string;
  @ApiProperty() met!: boolean;
  @ApiProperty({ type: [String] }) missing!: string[];
  @ApiProperty({ description: 'Rule IDs, inputs and steps (libs/policy)' }) explanation!: unknown;
}

export class TraineeResponse {
  @ApiProperty() workerId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() hiredOn!: string;
  @ApiProperty({ enum: EDUCATION_LEVELS, nullable: true }) education!: string | null;
  @ApiProperty({ enum: ['active', 'exited'] }) status!: 'active' | 'exited';
  @ApiProperty({ enum: ['open', 'completed', 'exited'] }) planStatus!: 'open' | 'completed' | 'exited';
  @ApiProperty({ type: [FourOneResponse] }) fourOnes!: FourOneResponse[];
  @ApiProperty({ type: [MilestoneResponse] }) milestones!: MilestoneResponse[];
  @ApiProperty({ description: 'Four-ones reminders sent to the street (TRAIN-2)' }) reminders!: number;
}

export function toTraineeResponse(row: TraineeRow, fourOnes: FourOneRow[], milestones: MilestoneRow[], reminders: number): TraineeResponse {
  return {
    workerId: row.workerId,
    unitCode: row.unitCode,
    hiredOn: row.hiredOn,
    education: row.education,
    status: row.status,
    planStatus: row.planStatus,
    fourOnes: fourOnes.map((f) => ({ item: f.item, doneOn: f.doneOn, evidence: f.evidence })),
    milestones: milestones.map((m) => ({ milestone: m.milestone, on: m.on, met: m.met, missing: m.missing, explanation: m.explanation })),
    reminders,
  };
}
