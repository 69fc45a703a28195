/**
 * Request and response DTOs of /api/recruitment/campaigns (Swagger reads both), and the mappers
 * from rows to responses. Shape is validated here; date order, rounds and vacancies in the service.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  CAMPAIGN_PHASES,
  POST_CATEGORIES,
  SPECIALIST_QUALIFICATIONS,
  type CampaignPhase,
  type PostCategory,
  type SpecialistQualification,
} from '@cwp/contracts';
import { IsCalendarDate } from '@cwp/platform';
import type { Explanation } from '@cwp/policy';
import type { CampaignPostRow, CampaignRow } from './campaign.row';

export class PostPlanDto {
  @ApiProperty({ example: '310101002', description: 'A street of the campaign’s district (9 digits)' })
  @Matches(/^31\d{7}$/, { message: 'streetCode must be a 9-digit street code' })
  streetCode!: string;

  @ApiProperty({ enum: POST_CATEGORIES, description: 'POST-1 category' })
  @IsIn(POST_CATEGORIES)
  postCategory!: PostCategory;

  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  count!: number;

  @ApiPropertyOptional({ enum: SPECIALIST_QUALIFICATIONS, description: 'REC-5: a specialist post admits only holders of it' })
  @IsOptional()
  @IsIn(SPECIALIST_QUALIFICATIONS)
  requiredQualification?: SpecialistQualification;
}

export class OpenCampaignDto {
  @ApiProperty({ example: '310101', description: 'The district running the campaign (6 digits)' })
  @Matches(/^31\d{4}$/, { message: 'districtCode must be a 6-digit district code' })
  districtCode!: string;

  @ApiProperty({ minimum: 1, maximum: 12, description: 'REC-2: the round in the year (at most the rounds a year of the policy in force)' })
  @IsInt()
  @Min(1)
  @Max(12)
  round!: number;

  @ApiProperty({ example: '2027-03-01', description: 'Registration window opens (the campaign’s year is this date’s)' })
  @IsCalendarDate()
  registrationOpensOn!: string;

  @ApiProperty({ example: '2027-03-10' })
  @IsCalendarDate()
  registrationClosesOn!: string;

  @ApiProperty({ example: '2027-03-20', description: 'REC-6 pre-exam internship' })
  @IsCalendarDate()
  internshipStartsOn!: string;

  @ApiProperty({ example: '2027-04-20' })
  @IsCalendarDate()
  internshipEndsOn!: string;

  @ApiProperty({ example: '2027-04-25' })
  @IsCalendarDate()
  writtenExamOn!: string;

  @ApiProperty({ example: '2027-05-05' })
  @IsCalendarDate()
  interviewOn!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, description: 'REC-7 publicity days (default and minimum: the policy version’s)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  publicityDays?: number;

  @ApiProperty({ type: [PostPlanDto] })
  @ValidateNested({ each: true })
  @Type(() => PostPlanDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  posts!: PostPlanDto[];
}

export class CampaignPostResponse {
  @ApiProperty() postId!: string;
  @ApiProperty() streetCode!: string;
  @ApiProperty({ enum: POST_CATEGORIES }) postCategory!: PostCategory;
  @ApiProperty() count!: number;
  @ApiProperty({ enum: SPECIALIST_QUALIFICATIONS, nullable: true }) requiredQualification!: SpecialistQualification | null;
  @ApiProperty() streetSelected!: boolean;
}

export class CampaignResponse {
  @ApiProperty() id!: string;
  @ApiProperty() districtCode!: string;
  @ApiProperty() year!: number;
  @ApiProperty() round!: number;
  @ApiProperty({ enum: CAMPAIGN_PHASES }) phase!: CampaignPhase;
  @ApiProperty() policyVersion!: string;
  @ApiProperty({ description: 'REC-2 rounds a year, with rule IDs and figures' }) roundsExplanation!: Explanation;
  @ApiProperty() registrationOpensOn!: string;
  @ApiProperty() registrationClosesOn!: string;
  @ApiProperty() internshipStartsOn!: string;
  @ApiProperty() internshipEndsOn!: string;
  @ApiProperty() writtenExamOn!: string;
  @ApiProperty() interviewOn!: string;
  @ApiProperty() publicityDays!: number;
  @ApiProperty({ type: [CampaignPostResponse] }) posts!: CampaignPostResponse[];
  @ApiProperty() version!: number;
}

export class CampaignListResponse {
  @ApiProperty({ type: [CampaignResponse] }) items!: CampaignResponse[];
}

export class ListCampaignsQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export function toPostResponse(p: CampaignPostRow): CampaignPostResponse {
  return {
    postId: p.id,
    streetCode: p.streetCode,
    postCategory: p.postCategory,
    count: p.count,
    requiredQualification: p.requiredQualification,
    streetSelected: p.streetSelected,
  };
}

export function toCampaignResponse(row: CampaignRow, posts: readonly CampaignPostRow[]): CampaignResponse {
  return {
    id: row.id,
    districtCode: row.districtCode,
    year: row.year,
    round: row.round,
    phase: row.phase,
    policyVersion: row.policyVersion,
    roundsExplanation: row.roundsExplanation,
    registrationOpensOn: row.registrationOpensOn,
    registrationClosesOn: row.registrationClosesOn,
    internshipStartsOn: row.internshipStartsOn,
    internshipEndsOn: row.internshipEndsOn,
    writtenExamOn: row.writtenExamOn,
    interviewOn: row.interviewOn,
    publicityDays: row.publicityDays,
    posts: posts.map(toPostResponse),
    version: row.version,
  };
}
