/** Request and response DTOs of /api/training/cadres (REC-8), and the mapper. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CADRE_TARGET_ROLES, type CadreTargetRole } from '@cwp/contracts';
import { GRADES, type Explanation, type Grade } from '@cwp/policy';
import { IsCalendarDate, trimString } from '@cwp/platform';
import type { CadreReviewRow, CadreRow, CadreStatus } from './cadre.row';

const WORKER_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const STATUSES: readonly CadreStatus[] = ['nominated', 'confirmed', 'declined', 'removed', 'exited'];

/** What the eligibility check needs that this service does not hold: age and the last appraisal grade. */
class CandidateFactsDto {
  /** Only the age derived from it is kept (in the eligibility explanation), never the date. */
  @ApiProperty({ example: '1994-04-01', description: 'Used for the REC-8 age check only; not stored' })
  @IsCalendarDate()
  birthDate!: string;

  /** The last yearly appraisal grade (APPR-2) as the appraisal service published it; absent: not yet appraised. */
  @ApiPropertyOptional({ enum: GRADES })
  @IsOptional()
  @IsIn(GRADES)
  lastGrade?: Grade;
}

export class NominateCadreDto extends CandidateFactsDto {
  @ApiProperty()
  @Matches(WORKER_ID, { message: 'workerId must be a worker id' })
  workerId!: string;

  @ApiProperty({ enum: CADRE_TARGET_ROLES })
  @IsIn(CADRE_TARGET_ROLES)
  targetRole!: CadreTargetRole;

  @ApiProperty({ example: '群众基础好，主持过两次居民区议事协商' })
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  reason!: string;

  /** The candidate's development plan: what they are to learn and do before taking the post. */
  @ApiProperty({ type: [String], example: ['到街道党建办挂职半年', '主持一个居民区自治项目'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  planObjectives!: string[];
}

export class DecideCadreDto {
  @ApiProperty({ enum: ['confirm', 'decline'] })
  @IsIn(['confirm', 'decline'])
  decision!: 'confirm' | 'decline';

  @ApiProperty({ example: '区委组织部审核通过' })
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  note!: string;
}

export class ReviewCadreDto extends CandidateFactsDto {
  @ApiProperty({ enum: ['kept', 'removed'] })
  @IsIn(['kept', 'removed'])
  outcome!: 'kept' | 'removed';

  @ApiProperty({ example: '年度考核优秀，继续培养' })
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  note!: string;
}

export class CadreListQueryDto {
  @ApiProperty({ example: '310101002' })
  @Matches(/^31[0-9]{4}([0-9]{3}([0-9]{3})?)?$|^31$/, { message: 'unitCode must be a unit code' })
  unitCode!: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: CadreStatus;
}

export class CadreReviewResponse {
  @ApiProperty() round!: number;
  @ApiProperty() dueOn!: string;
  @ApiProperty({ nullable: true, enum: ['kept', 'removed'] }) outcome!: 'kept' | 'removed' | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'REC-8 re-check at the review' }) explanation!: Explanation | null;
  @ApiProperty({ nullable: true, type: String }) reviewedOn!: string | null;
}

export class CadreResponse {
  @ApiProperty() id!: string;
  @ApiProperty() workerId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ enum: CADRE_TARGET_ROLES }) targetRole!: CadreTargetRole;
  @ApiProperty({ enum: STATUSES }) status!: CadreStatus;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [String] }) planObjectives!: string[];
  @ApiProperty({ type: Object, description: '@cwp/policy checkReserveCadre: rule IDs, inputs (age, not the birth date), steps' })
  eligibility!: Explanation;
  @ApiProperty() nominatedOn!: string;
  @ApiProperty({ nullable: true, type: String }) decidedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({ type: [CadreReviewResponse] }) reviews!: CadreReviewResponse[];
  @ApiProperty() version!: number;
}

export function toCadreResponse(row: CadreRow, reviews: CadreReviewRow[]): CadreResponse {
  const { nominatedBy: _by, decidedBy: _decidedBy, ...rest } = row;
  return { ...rest, reviews };
}
