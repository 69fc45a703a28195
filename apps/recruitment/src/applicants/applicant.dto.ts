/**
 * Request and response DTOs of the applicants routes (Swagger reads both) and the mappers from the
 * row. Personal data leaves only masked; every decision leaves with its explanation.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
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
} from 'class-validator';
import {
  APPLICANT_STATUSES,
  APPLICATION_CHANNELS,
  EDUCATION_LEVELS,
  RECRUITMENT_CERTIFICATES,
  type ApplicantOutReason,
  type ApplicantStatus,
  type ApplicationChannel,
  type EducationLevel,
  type RecruitmentCertificate,
} from '@cwp/contracts';
import { IsNationalId, IsPhone, stripWhitespace, trimString } from '@cwp/platform';
import { nationalIdCheckChar, type Explanation } from '@cwp/policy';
import type { ApplicantRow, StoredEligibility } from './applicant.row';

const EXAMPLE_NATIONAL_ID = `31010419980307123${nationalIdCheckChar('31010419980307123')}`;

/** The tie-break of equal combined scores (REC-6 leaves it to the bureau; documented in the README). */
export const TIE_BREAK =
  'Equal combined scores: higher written score, then higher interview score, then more REC-4 preferences met, then earlier registration';

export class ApplyDto {
  @ApiProperty({ description: 'The post applied for (a post of this campaign)' })
  @IsUUID('4', { message: 'postId must be a post id of this campaign' })
  postId!: string;

  @ApiProperty({ example: '王五', maxLength: 60 })
  @Transform(trimString)
  @IsString()
  @Length(1, 60)
  name!: string;

  @ApiProperty({ example: EXAMPLE_NATIONAL_ID, description: 'GB 11643; stored encrypted, answered masked; matched by its keyed hash' })
  @Transform(trimString)
  @IsNationalId()
  nationalId!: string;

  @ApiPropertyOptional({ example: '13812345678', description: 'Answered masked' })
  @IsOptional()
  @Transform(stripWhitespace)
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ enum: ['female', 'male'] })
  @IsOptional()
  @IsIn(['female', 'male'])
  gender?: 'female' | 'male';

  @ApiProperty({ enum: EDUCATION_LEVELS, description: 'REC-4: junior college or above' })
  @IsIn(EDUCATION_LEVELS)
  education!: EducationLevel;

  @ApiPropertyOptional({ example: 'social-work', description: 'REC-4 preferred majors rank fresh graduates' })
  @IsOptional()
  @Matches(/^[a-z]+(-[a-z]+)*$/, { message: 'major must be a lower-case code such as social-work' })
  major?: string;

  @ApiProperty({ description: 'A fresh graduate (应届毕业生); others apply from society and need the junior certificate (REC-4)' })
  @IsBoolean()
  freshGraduate!: boolean;

  @ApiPropertyOptional({ enum: RECRUITMENT_CERTIFICATES, isArray: true })
  @IsOptional()
  @ArrayMaxSize(RECRUITMENT_CERTIFICATES.length)
  @ArrayUnique()
  @IsIn(RECRUITMENT_CERTIFICATES, { each: true })
  certificates?: RecruitmentCertificate[];

  @ApiPropertyOptional({ minimum: 0, maximum: 50, description: 'Years of front-line community work (REC-4 45+ relaxation)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  communityYears?: number;
}

/**
 * An operator's entry on a person's behalf may name the reserve entry it came from: it must be an
 * active entry of the same person (personRef) that the caller may see.
 */
export class OperatorApplyDto extends ApplyDto {
  @ApiPropertyOptional({ description: 'The talent-pool entry this applicant came from (active, the same person)' })
  @IsOptional()
  @IsUUID('4', { message: 'talentPoolEntryId must be a talent-pool entry id' })
  talentPoolEntryId?: string;
}

/**
 * Issue 10, the third way in: an operator invites a talent-pool entry. The person (personRef) and
 * the facts REC-4/REC-5 decide on come from the pool's candidate event; the name, which no event
 * carries, from the operator (as the pool shows it to them).
 */
export class InviteDto {
  @ApiProperty({ description: 'The talent-pool entry invited (active, within the caller’s scope)' })
  @IsUUID('4', { message: 'talentPoolEntryId must be a talent-pool entry id' })
  talentPoolEntryId!: string;

  @ApiProperty({ description: 'The post applied for (a post of this campaign)' })
  @IsUUID('4', { message: 'postId must be a post id of this campaign' })
  postId!: string;

  @ApiProperty({ example: '王五', maxLength: 60, description: 'As the talent pool shows it (no event carries names)' })
  @Transform(trimString)
  @IsString()
  @Length(1, 60)
  name!: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 50,
    description: 'Years of front-line community work (REC-4 45+ relaxation; the pool does not hold it)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  communityYears?: number;
}

export class ListApplicantsQueryDto {
  @ApiPropertyOptional({ enum: APPLICANT_STATUSES })
  @IsOptional()
  @IsIn(APPLICANT_STATUSES)
  status?: ApplicantStatus;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize = 50;
}

export class ApplicantScoresResponse {
  @ApiProperty({ nullable: true }) internship!: number | null;
  @ApiProperty({ nullable: true }) written!: number | null;
  @ApiProperty({ nullable: true }) interview!: number | null;
  @ApiProperty({ nullable: true, description: 'REC-6 weighted' }) combined!: number | null;
}

export class ApplicantResponse {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() postId!: string;
  @ApiProperty() streetCode!: string;
  @ApiProperty({ enum: APPLICATION_CHANNELS }) channel!: ApplicationChannel;
  @ApiProperty({ enum: APPLICANT_STATUSES }) status!: ApplicantStatus;
  @ApiProperty({ nullable: true }) outReason!: ApplicantOutReason | null;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '310104********1234', nullable: true, description: 'Null for an applicant invited from the talent pool' })
  nationalIdMasked!: string | null;
  @ApiProperty({ nullable: true, format: 'uuid', description: 'The talent-pool entry this applicant came from' })
  talentPoolEntryId!: string | null;
  @ApiProperty({ nullable: true }) phoneMasked!: string | null;
  @ApiProperty({ enum: EDUCATION_LEVELS }) education!: EducationLevel;
  @ApiProperty({ nullable: true }) major!: string | null;
  @ApiProperty() freshGraduate!: boolean;
  @ApiProperty({ type: [String] }) certificates!: string[];
  @ApiProperty({ description: 'REC-4/REC-5 decision with rule IDs and inputs' }) eligibility!: StoredEligibility;
  @ApiProperty({ nullable: true }) hostStreet!: string | null;
  @ApiProperty({ type: ApplicantScoresResponse }) scores!: ApplicantScoresResponse;
  @ApiProperty({ nullable: true, description: 'Rank within the post (REC-6)' }) rank!: number | null;
  @ApiProperty({ nullable: true, description: 'REC-6 combined score with weights and figures' }) rankingExplanation!: Explanation | null;
  @ApiProperty({ description: 'How equal combined scores are ordered' }) tieBreak!: string;
  @ApiProperty({ nullable: true, enum: ['open', 'rejected', 'upheld'] }) objection!: 'open' | 'rejected' | 'upheld' | null;
  @ApiProperty({ nullable: true }) appointedOn!: string | null;
  @ApiProperty() registeredOn!: string;
}

/** What the public endpoint answers: the applicant's id, status and eligibility, nothing else. */
export class PublicApplicationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: APPLICANT_STATUSES }) status!: ApplicantStatus;
  @ApiProperty() eligibility!: StoredEligibility;
}

export class ApplicantPageResponse {
  @ApiProperty({ type: [ApplicantResponse] }) items!: ApplicantResponse[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export function toApplicantResponse(row: ApplicantRow): ApplicantResponse {
  return {
    id: row.id,
    campaignId: row.campaignId,
    postId: row.postId,
    streetCode: row.streetCode,
    channel: row.channel,
    status: row.status,
    outReason: row.outReason,
    name: row.name,
    nationalIdMasked: row.nationalIdMasked,
    talentPoolEntryId: row.talentPoolEntryId,
    phoneMasked: row.phoneMasked,
    education: row.education,
    major: row.major,
    freshGraduate: row.freshGraduate,
    certificates: row.certificates,
    eligibility: row.eligibility,
    hostStreet: row.hostStreet,
    scores: { internship: row.internshipScore, written: row.writtenScore, interview: row.interviewScore, combined: row.combinedScore },
    rank: row.rank,
    rankingExplanation: row.rankingExplanation,
    tieBreak: TIE_BREAK,
    objection: row.objection,
    appointedOn: row.appointedOn,
    registeredOn: row.registeredOn,
  };
}
