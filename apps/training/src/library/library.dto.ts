/**
 * Request and response DTOs of /api/training/library (Swagger reads both), and the one mapper
 * from the row to the response.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import {
  TRAINING_DELIVERIES,
  TRAINING_FORMS,
  TRAINING_MODULES,
  TRAINING_STEPS,
  type TrainingDelivery,
  type TrainingForm,
  type TrainingModule,
  type TrainingStep,
} from '@cwp/contracts';
import { trimString } from '@cwp/platform';
import type { LibraryKind, LibraryResourceRow, TeacherAffiliation } from './library.row';

const KINDS: LibraryKind[] = ['course', 'teacher', 'case'];
const AFFILIATIONS: TeacherAffiliation[] = ['university', 'outstanding-worker', 'other'];

export class CreateResourceDto {
  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind!: LibraryKind;

  @ApiProperty({ example: '社区矛盾纠纷调解实务', maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(0, 2000)
  summary?: string;

  /** TRAIN-5 specialist module (or `general` for TRAIN-10's general subjects). */
  @ApiProperty({ enum: TRAINING_MODULES })
  @IsIn(TRAINING_MODULES)
  module!: TrainingModule;

  /** TRAIN-1 step; required for a course. */
  @ApiPropertyOptional({ enum: TRAINING_STEPS })
  @ValidateIf((o: CreateResourceDto) => o.kind === 'course' || o.step !== undefined)
  @IsIn(TRAINING_STEPS)
  step?: TrainingStep;

  /** TRAIN-7 form; required for a course. */
  @ApiPropertyOptional({ enum: TRAINING_FORMS })
  @ValidateIf((o: CreateResourceDto) => o.kind === 'course' || o.form !== undefined)
  @IsIn(TRAINING_FORMS)
  form?: TrainingForm;

  @ApiPropertyOptional({ enum: TRAINING_DELIVERIES })
  @ValidateIf((o: CreateResourceDto) => o.kind === 'course' || o.delivery !== undefined)
  @IsIn(TRAINING_DELIVERIES)
  delivery?: TrainingDelivery;

  /** Hours a course counts towards TRAIN-3. */
  @ApiPropertyOptional({ example: 8, minimum: 0.5, maximum: 500 })
  @ValidateIf((o: CreateResourceDto) => o.kind === 'course' || o.hours !== undefined)
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(500)
  hours?: number;

  /** A teacher's background (TRAIN-10: universities, outstanding workers). */
  @ApiPropertyOptional({ enum: AFFILIATIONS })
  @ValidateIf((o: CreateResourceDto) => o.kind === 'teacher' || o.affiliation !== undefined)
  @IsIn(AFFILIATIONS)
  affiliation?: TeacherAffiliation;

  /** TRAIN-6: years of service the resource is meant for. */
  @ApiPropertyOptional({ minimum: 0, maximum: 40 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(40)
  minYears?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 40 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(40)
  maxYears?: number;
}

export class SearchLibraryQueryDto {
  /** Words or Chinese text found in the title or summary (any substring of two or more characters, or one character). */
  @ApiPropertyOptional({ example: '调解' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: LibraryKind;

  @ApiPropertyOptional({ enum: TRAINING_MODULES })
  @IsOptional()
  @IsIn(TRAINING_MODULES)
  module?: TrainingModule;

  @ApiPropertyOptional({ enum: TRAINING_STEPS })
  @IsOptional()
  @IsIn(TRAINING_STEPS)
  step?: TrainingStep;

  @ApiPropertyOptional({ enum: TRAINING_DELIVERIES })
  @IsOptional()
  @IsIn(TRAINING_DELIVERIES)
  delivery?: TrainingDelivery;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class PickResourceDto {
  /** The street or residential area (community) picking the resource. */
  @ApiProperty({ example: '310101002001' })
  @Matches(/^31\d{4}(?:\d{3}(?:\d{3})?)?$/, { message: 'unitCode must be a district, street or residential-area code' })
  unitCode!: string;
}

export class LibraryResourceResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: KINDS }) kind!: LibraryKind;
  @ApiProperty({ description: '31 = city-wide; a district code = that district’s local resource' }) ownerUnit!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: TRAINING_MODULES }) module!: TrainingModule;
  @ApiProperty({ enum: TRAINING_STEPS, nullable: true }) step!: TrainingStep | null;
  @ApiProperty({ enum: TRAINING_FORMS, nullable: true }) form!: TrainingForm | null;
  @ApiProperty({ enum: TRAINING_DELIVERIES, nullable: true }) delivery!: TrainingDelivery | null;
  @ApiProperty({ nullable: true, type: Number }) hours!: number | null;
  @ApiProperty({ enum: AFFILIATIONS, nullable: true }) affiliation!: TeacherAffiliation | null;
  @ApiProperty({ nullable: true, type: Number }) minYears!: number | null;
  @ApiProperty({ nullable: true, type: Number }) maxYears!: number | null;
}

export class LibraryPageResponse {
  @ApiProperty({ type: [LibraryResourceResponse] }) items!: LibraryResourceResponse[];
}

export function toResourceResponse(row: LibraryResourceRow): LibraryResourceResponse {
  return {
    id: row.id,
    kind: row.kind,
    ownerUnit: row.ownerUnit,
    title: row.title,
    summary: row.summary,
    module: row.module,
    step: row.step,
    form: row.form,
    delivery: row.delivery,
    hours: row.hours,
    affiliation: row.affiliation,
    minYears: row.minYears,
    maxYears: row.maxYears,
  };
}
