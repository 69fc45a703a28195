/**
 * Request and response shapes of /api/workforce/workers, and the one mapper from a row to the
 * response. Validation happens here, at the edge (whitelist, unknown fields refused, explicit
 * limits); the national ID leaves only masked, `personRef` and ciphertext never.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ENTRY_ROUTES,
  POST_CATEGORIES,
  POST_ROLES,
  EDUCATION_LEVELS,
  WORKER_EXIT_CAUSES,
  WORKER_ROLES,
  WORKER_STATUSES,
  WORKER_TITLES,
  type EntryRoute,
  type PostCategory,
  type PostRole,
  type EducationLevel,
  type WorkerExitCause,
  type WorkerRole,
  type WorkerStatus,
  type WorkerTitle,
} from '@cwp/contracts';
import { IsCalendarDate, IsEffectiveDate, IsNationalId, TABULAR_FORMATS, trimString, type TabularFormat } from '@cwp/platform';
import { GRADES, type Explanation, type Grade } from '@cwp/policy';
import { ageBandOf, ageOn, AGE_BANDS, type AgeBand } from './rules/age-band';
import { WORKER_SORT_NAMES, type SortOrder, type WorkerSort } from './rules/sort';
import type { WorkerRow } from './worker.row';

/** A street (9 digits) or residential area (12 digits) of Shanghai. */
export const WORKER_UNIT_PATTERN = /^31\d{7}(?:\d{3})?$/;
const CODE = /^[a-z][a-z0-9-]{0,59}$/;

const unitMessage = (field: string) => ({
  message: `${field} must be a street (9 digits) or residential area (12 digits) code of Shanghai`,
});

export class HireWorkerDto {
  @ApiProperty({
    example: '310101002001',
    description: 'Employing street (9 digits) or residential area (12 digits), inside the caller scope',
  })
  @Matches(WORKER_UNIT_PATTERN, unitMessage('unitCode'))
  unitCode!: string;

  @ApiProperty({ example: '李四', maxLength: 60 })
  @Transform(trimString)
  @IsString()
  @Length(1, 60)
  name!: string;

  @ApiPropertyOptional({ enum: ['female', 'male'] })
  @IsOptional()
  @IsIn(['female', 'male'])
  gender?: 'female' | 'male';

  /** Required unless nationalId is given (then taken from it, and must agree if both are sent). */
  @ApiPropertyOptional({ example: '1990-05-17', description: 'Required unless nationalId is given' })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;

  /** Optional 18-character citizen identity number (GB 11643): stored encrypted, answered masked. */
  @ApiPropertyOptional({
    description: 'GB 11643 citizen ID; stored encrypted, answered masked; only its keyed hash (personRef) leaves the service',
  })
  @IsOptional()
  @Transform(trimString)
  @IsNationalId()
  nationalId?: string;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  @IsIn(EDUCATION_LEVELS)
  education!: EducationLevel;

  @ApiPropertyOptional({ example: 'social-work' })
  @IsOptional()
  @Matches(CODE, { message: 'major must be a lower-case code such as social-work' })
  major?: string;

  /** ORG-3 */
  @ApiProperty({ enum: ENTRY_ROUTES, description: 'ORG-3' })
  @IsIn(ENTRY_ROUTES)
  entryRoute!: EntryRoute;

  /** PROM-1 role; its POST-1 category follows from it (POST-2). */
  @ApiProperty({ enum: WORKER_ROLES, description: 'PROM-1 role ladder' })
  @IsIn(WORKER_ROLES)
  role!: WorkerRole;

  /** Optional: must agree with the role when given. */
  @ApiPropertyOptional({ enum: POST_CATEGORIES, description: 'POST-1; derived from the role when omitted' })
  @IsOptional()
  @IsIn(POST_CATEGORIES)
  postCategory?: PostCategory;

  /** POST-1 level 1..18. */
  @ApiProperty({ minimum: 1, maximum: 18, description: 'POST-1 level' })
  @IsInt()
  @Min(1)
  @Max(18)
  postLevel!: number;

  /** POST-2: business-/administrative-manager for managers; specialist and supervisor follow the role. */
  @ApiPropertyOptional({ enum: POST_ROLES, description: 'POST-2 refinement' })
  @IsOptional()
  @IsIn(POST_ROLES)
  postRole?: PostRole;

  /** POST-3 title held on appointment, if any. */
  @ApiPropertyOptional({ enum: WORKER_TITLES, description: 'POST-3 title held on appointment' })
  @IsOptional()
  @IsIn(WORKER_TITLES)
  title?: WorkerTitle;

  /** Default today (Shanghai). */
  @ApiPropertyOptional({ example: '2026-03-01', description: 'Default today (Shanghai)' })
  @IsOptional()
  @IsCalendarDate()
  hiredOn?: string;

  /** The reserve-pool entry this hire came from (POOL-3), when known. */
  @ApiPropertyOptional({ format: 'uuid', description: 'Reserve-pool entry the hire came from (POOL-3)' })
  @IsOptional()
  @IsUUID()
  talentPoolEntryId?: string;

  /** The recruitment campaign that appointed the worker (REC-1). */
  @ApiPropertyOptional({ description: 'Recruitment campaign (REC-1)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'campaignId may hold 1..64 letters, digits and . _ : -' })
  campaignId?: string;
}

/** PATCH: change post, level, title or role. `version` is the one read (409 when stale). */
export class UpdateWorkerDto {
  @ApiProperty({ minimum: 1, description: 'The version read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647) // the PostgreSQL integer column
  version!: number;

  @IsOptional()
  @IsIn(POST_CATEGORIES)
  postCategory?: PostCategory;

  @ApiPropertyOptional({ minimum: 1, maximum: 18 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(18)
  postLevel?: number;

  /** null clears the refinement. */
  @ApiPropertyOptional({ enum: POST_ROLES, nullable: true })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsIn(POST_ROLES)
  postRole?: PostRole | null;

  /** null clears the title (a correction); raising it follows PROM-1 and PROM-3. */
  @ApiPropertyOptional({ enum: WORKER_TITLES, nullable: true, description: 'Raise: PROM-1 one step and PROM-3 structure; null clears' })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsIn(WORKER_TITLES)
  title?: WorkerTitle | null;

  @ApiPropertyOptional({ enum: WORKER_ROLES })
  @IsOptional()
  @IsIn(WORKER_ROLES)
  role?: WorkerRole;
}

/** Optional expected version on action endpoints: when sent, a stale one is a 409. */
class VersionedActionDto {
  @ApiPropertyOptional({ minimum: 1, description: 'Expected version; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647) // the PostgreSQL integer column
  version?: number;
}

export class LeaveDto extends VersionedActionDto {
  /** Default today. */
  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional()
  @IsEffectiveDate()
  startsOn?: string;

  @ApiPropertyOptional({ example: '2027-03-01' })
  @IsOptional()
  @IsEffectiveDate()
  expectedReturnOn?: string;
}

export class ReturnDto extends VersionedActionDto {
  /** Default today. */
  @ApiPropertyOptional({ example: '2027-03-01' })
  @IsOptional()
  @IsEffectiveDate()
  returnsOn?: string;
}

export class TransferDto extends VersionedActionDto {
  @ApiProperty({ example: '310101002002', description: 'Destination street or area, inside the caller scope (ORG-2)' })
  @Matches(WORKER_UNIT_PATTERN, unitMessage('toUnit'))
  toUnit!: string;

  /** Default today. */
  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional()
  @IsEffectiveDate()
  effectiveOn?: string;
}

export class AppraisalFactDto {
  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1990)
  @Max(2100)
  year!: number;

  @ApiProperty({ enum: GRADES, description: 'APPR-2' })
  @IsIn(GRADES)
  grade!: Grade;
}

/** EXIT-3 findings (yes/no), appraisal grades (APPR-5), and the legal citation for `law`. */
export class ExitFactsDto {
  @ApiPropertyOptional({ type: [AppraisalFactDto], description: 'APPR-5: two unqualified years in a row establish EXIT-3 cause 1' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AppraisalFactDto)
  appraisals?: AppraisalFactDto[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() seriousBreach?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() dutyFailure?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() correctedAfterEducation?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() seriousDereliction?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() majorHarm?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() unableToDoJob?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() afterTrainingOrPostChange?: boolean;

  /** The national or city law providing the cause (required with cause `law`). */
  @ApiPropertyOptional({ maxLength: 200, description: 'The law providing the cause (required with cause law)' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  statutoryCause?: string;
}

export class ExitDto extends VersionedActionDto {
  /** EXIT-1..3, a closed set; which ones apply depends on the entry route (ORG-3). */
  @ApiProperty({
    enum: WORKER_EXIT_CAUSES,
    description: 'Recruited: the five EXIT-3 causes or law; elected: law (EXIT-2) or re-election-not-returned (EXIT-1)',
  })
  @IsIn(WORKER_EXIT_CAUSES)
  cause!: WorkerExitCause;

  @ApiProperty({ example: '2026-12-31' })
  @IsEffectiveDate()
  effectiveOn!: string;

  @ApiPropertyOptional({ type: ExitFactsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExitFactsDto)
  facts?: ExitFactsDto;
}

/** PROM-1: one step up the title ladder, or the role ladder: exactly one of the two. */
export class PromotionDto extends VersionedActionDto {
  @ApiPropertyOptional({ enum: WORKER_TITLES, description: 'Next title (PROM-1) under the street 4:4:2 structure (PROM-3)' })
  @IsOptional()
  @IsIn(WORKER_TITLES)
  toTitle?: WorkerTitle;

  @ApiPropertyOptional({ enum: WORKER_ROLES, description: 'Next role (PROM-1)' })
  @IsOptional()
  @IsIn(WORKER_ROLES)
  toRole?: WorkerRole;

  /** Default today. */
  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional()
  @IsEffectiveDate()
  effectiveOn?: string;
}

/** The roster's filters, shared by the paged list and the export. */
export class WorkerFiltersDto {
  /** Any unit code: narrows the list to that unit's subtree (which must be inside the caller's scope). */
  @ApiPropertyOptional({ example: '310101002', description: "A unit subtree inside the caller's scope" })
  @IsOptional()
  @Matches(/^31(?:\d{4}|\d{7}|\d{10})?$/, { message: 'unit must be an org unit code (2, 6, 9 or 12 digits starting with 31)' })
  unit?: string;

  @ApiPropertyOptional({ enum: POST_CATEGORIES })
  @IsOptional()
  @IsIn(POST_CATEGORIES)
  postCategory?: PostCategory;

  /** `none`: workers without a title. */
  @ApiPropertyOptional({ enum: [...WORKER_TITLES, 'none'] })
  @IsOptional()
  @IsIn([...WORKER_TITLES, 'none'])
  title?: WorkerTitle | 'none';

  @ApiPropertyOptional({ enum: WORKER_ROLES })
  @IsOptional()
  @IsIn(WORKER_ROLES)
  role?: WorkerRole;

  /** Absent: every status, exited included. */
  @ApiPropertyOptional({ enum: WORKER_STATUSES })
  @IsOptional()
  @IsIn(WORKER_STATUSES)
  status?: WorkerStatus;

  /** Age on today, in the bands of the QUOTA-6 report. */
  @ApiPropertyOptional({ enum: AGE_BANDS })
  @IsOptional()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand;

  @ApiPropertyOptional({ enum: EDUCATION_LEVELS })
  @IsOptional()
  @IsIn(EDUCATION_LEVELS)
  education?: EducationLevel;
}

export class ListWorkersQueryDto extends WorkerFiltersDto {
  @ApiPropertyOptional({ enum: WORKER_SORT_NAMES, default: 'name' })
  @IsOptional()
  @IsIn(WORKER_SORT_NAMES)
  sort?: WorkerSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: SortOrder;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 20;
}

/** The roster as a file: the list's filters, every matching row, streamed (issue 14). */
export class ExportWorkersQueryDto extends WorkerFiltersDto {
  @ApiPropertyOptional({ enum: TABULAR_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(TABULAR_FORMATS)
  format: TabularFormat = 'xlsx';
}

export interface WorkerResponse {
  id: string;
  unitCode: string;
  status: WorkerStatus;
  entryRoute: EntryRoute;
  postCategory: PostCategory;
  postLevel: number;
  postRole: PostRole | null;
  title: WorkerTitle | null;
  role: WorkerRole;
  name: string;
  gender: 'female' | 'male' | null;
  birthDate: string;
  age: number;
  ageBand: AgeBand;
  education: EducationLevel;
  major: string | null;
  hiredOn: string;
  exitedOn: string | null;
  exitCause: string | null;
  exitExplanation: Explanation | null;
  /** `3101**********1234`, or null when no national ID was recorded. */
  nationalIdMasked: string | null;
  talentPoolEntryId: string | null;
  campaignId: string | null;
  version: number;
}

export interface WorkerPageResponse {
  items: WorkerResponse[];
  page: number;
  pageSize: number;
  total: number;
}

/** One page of a keyset walk (`GET /workers/changes`). */
export interface WorkerChangesResponse {
  items: WorkerResponse[];
  /** Pass it as `cursor` for the next page; keep the last one to ask later for what changed since. */
  nextCursor: string;
  /** False on the last page for now. */
  hasMore: boolean;
}

/** The only way a row leaves the service: never the ciphertext or person_ref. */
export function toWorkerResponse(row: WorkerRow, today: string): WorkerResponse {
  const asOf = row.exitedOn && row.exitedOn < today ? row.exitedOn : today;
  return {
    id: row.id,
    unitCode: row.unitCode,
    status: row.status,
    entryRoute: row.entryRoute,
    postCategory: row.postCategory,
    postLevel: row.postLevel,
    postRole: row.postRole,
    title: row.title,
    role: row.role,
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, asOf),
    ageBand: ageBandOf(row.birthDate, asOf < row.birthDate ? row.birthDate : asOf),
    education: row.education,
    major: row.major,
    hiredOn: row.hiredOn,
    exitedOn: row.exitedOn,
    exitCause: row.exitCause,
    exitExplanation: row.exitExplanation,
    nationalIdMasked: row.nationalIdMasked,
    talentPoolEntryId: row.talentPoolEntryId,
    campaignId: row.campaignId,
    version: row.version,
  };
}
