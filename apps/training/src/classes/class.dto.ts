/** Request and response DTOs of /api/training/classes, /completions and /certificates, and the mappers. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CERTIFICATE_KINDS, type CertificateKind } from '@cwp/contracts';
import { IsCalendarDate, trimString } from '@cwp/platform';
import type { CertificateRow, ClassRow, HoursRow } from './class.row';

const WORKER_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export class CreateClassDto {
  @ApiProperty({ description: 'A course of the library' })
  @IsUUID()
  courseId!: string;

  /** The organising unit (the city, a district, a street or a community). */
  @ApiProperty({ example: '310101' })
  @Matches(/^31(?:\d{4}(?:\d{3}(?:\d{3})?)?)?$/, { message: 'unitCode must be an org-unit code' })
  unitCode!: string;

  @ApiProperty({ example: '2026-03-02' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({ example: '2026-03-06' })
  @IsCalendarDate()
  endsOn!: string;

  @ApiProperty({ example: '黄浦区社区学院 301 教室' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  place!: string;

  @ApiProperty({ minimum: 1, maximum: 2000 })
  @IsInt()
  @Min(1)
  @Max(2000)
  capacity!: number;

  /** TRAIN-4: off-the-job (脱产) training. */
  @ApiProperty()
  @IsBoolean()
  offJob!: boolean;
}

export class EnrolDto {
  @ApiProperty({ type: [String], maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(WORKER_ID, { each: true, message: 'workerIds must be worker ids' })
  workerIds!: string[];

  @ApiPropertyOptional({ enum: ['operator', 'recommended'], default: 'operator' })
  @IsOptional()
  @IsIn(['operator', 'recommended'])
  source?: 'operator' | 'recommended';
}

export class AttendanceRecordDto {
  @ApiProperty()
  @Matches(WORKER_ID, { message: 'workerId must be a worker id' })
  workerId!: string;

  @ApiProperty({ example: '2026-03-02' })
  @IsCalendarDate()
  attendedOn!: string;

  @ApiProperty({ example: 6, minimum: 0.5, maximum: 24 })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(24)
  hours!: number;
}

export class RecordAttendanceDto {
  @ApiProperty({ type: [AttendanceRecordDto], maxItems: 2000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => AttendanceRecordDto)
  records!: AttendanceRecordDto[];
}

/** What an e-learning system reports when a worker completes an online course. */
export class OnlineCompletionDto {
  /** The e-learning system's id of this completion: the idempotency key (a replay answers the stored row). */
  @ApiProperty({ example: 'elearn-2026-000123' })
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'completionId must be 1..100 letters, digits or . _ : -' })
  completionId!: string;

  @ApiProperty()
  @Matches(WORKER_ID, { message: 'workerId must be a worker id' })
  workerId!: string;

  @ApiPropertyOptional({ description: 'The library course completed, when the system knows it' })
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiProperty({ example: '2026-05-10' })
  @IsCalendarDate()
  completedOn!: string;

  @ApiProperty({ example: 2, minimum: 0.5, maximum: 24 })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(24)
  hours!: number;
}

export class RecordCertificateDto {
  @ApiProperty()
  @Matches(WORKER_ID, { message: 'workerId must be a worker id' })
  workerId!: string;

  /** TRAIN-8: the exam passed. */
  @ApiProperty({ enum: CERTIFICATE_KINDS })
  @IsIn(CERTIFICATE_KINDS)
  kind!: CertificateKind;

  @ApiProperty({ example: '2026-06-20' })
  @IsCalendarDate()
  passedOn!: string;
}

export class HoursQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class ClassResponse {
  @ApiProperty() id!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty() place!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty() offJob!: boolean;
  @ApiProperty() enrolled!: number;
}

export class ClassPageResponse {
  @ApiProperty({ type: [ClassResponse] }) items!: ClassResponse[];
}

export class EnrolResponse {
  @ApiProperty({ type: [String] }) enrolled!: string[];
  @ApiProperty({ type: [String], description: 'Already enrolled before' }) already!: string[];
  @ApiProperty() class!: ClassResponse;
}

export class AttendanceResponse {
  @ApiProperty({ description: 'Rows written (a day already recorded is kept)' }) recorded!: number;
}

export class HoursEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() workerId!: string;
  @ApiProperty() onDate!: string;
  @ApiProperty() hours!: number;
  @ApiProperty() offJob!: boolean;
  @ApiProperty({ enum: ['attendance', 'online'] }) source!: string;
  @ApiProperty({ nullable: true, type: String }) classId!: string | null;
  @ApiProperty({ nullable: true, type: String }) courseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) completionId!: string | null;
}

export class WorkerHoursResponse {
  @ApiProperty() workerId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'TRAIN-3 hours this year' }) total!: number;
  @ApiProperty({ description: 'TRAIN-4: an off-the-job class this year' }) offJob!: boolean;
  @ApiProperty({ type: [HoursEntryResponse] }) entries!: HoursEntryResponse[];
}

export class CertificateResponse {
  @ApiProperty() id!: string;
  @ApiProperty() workerId!: string;
  @ApiProperty({ enum: CERTIFICATE_KINDS }) kind!: CertificateKind;
  @ApiProperty() passedOn!: string;
}

export const toClassResponse = (row: ClassRow): ClassResponse => ({
  id: row.id,
  courseId: row.courseId,
  unitCode: row.unitCode,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  place: row.place,
  capacity: row.capacity,
  offJob: row.offJob,
  enrolled: row.enrolled,
});

export const toHoursResponse = (row: HoursRow): HoursEntryResponse => ({
  id: row.id,
  workerId: row.workerId,
  onDate: row.onDate,
  hours: row.hours,
  offJob: row.offJob,
  source: row.source,
  classId: row.classId,
  courseId: row.courseId,
  completionId: row.completionId,
});

export const toCertificateResponse = (row: CertificateRow): CertificateResponse => ({
  id: row.id,
  workerId: row.workerId,
  kind: row.kind,
  passedOn: row.passedOn,
});
