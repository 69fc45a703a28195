import { Body, Controller, Get, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, UuidPipe, type Principal } from '@cwp/platform';
import { CAMPAIGN_ID } from '../campaigns';
import { APPLICANT_ENTITY_NAME } from './applicant-access';
import {
  ApplicantPageResponse,
  ApplicantResponse,
  ApplyDto,
  InviteDto,
  ListApplicantsQueryDto,
  OperatorApplyDto,
  PublicApplicationResponse,
} from './applicant.dto';
import { ApplicantsService } from './applicants.service';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

export const APPLICANT_ID = new UuidPipe({ entity: APPLICANT_ENTITY_NAME });

/** The public application route (no token; rate-limited per client address). */
export const PUBLIC_APPLICATION_PATH = 'public/campaigns/:id/applications';

/** Operators' applicant routes. Thin: one service call per handler. */
@ApiTags('recruitment applicants (REC-4..7)')
@Controller()
@Roles('city', 'district', 'street')
export class ApplicantsController {
  constructor(private readonly applicants: ApplicantsService) {}

  @Post('campaigns/:id/applicants')
  @ApiCreatedResponse({ type: ApplicantResponse })
  apply(
    @Param('id', CAMPAIGN_ID) campaignId: string,
    @Body() dto: OperatorApplyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApplicantResponse> {
    return this.applicants.apply(campaignId, dto, principal);
  }

  /** Issue 10: invite a talent-pool entry (its data from the pool's candidate event). */
  @Post('campaigns/:id/invitations')
  @ApiCreatedResponse({ type: ApplicantResponse })
  invite(
    @Param('id', CAMPAIGN_ID) campaignId: string,
    @Body() dto: InviteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApplicantResponse> {
    return this.applicants.invite(campaignId, dto, principal);
  }

  @Get('campaigns/:id/applicants')
  @ApiOkResponse({ type: ApplicantPageResponse })
  list(
    @Param('id', CAMPAIGN_ID) campaignId: string,
    @Query() query: ListApplicantsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApplicantPageResponse> {
    return this.applicants.list(campaignId, query, principal);
  }

  @Get('applicants/:id')
  @ApiOkResponse({
    type: ApplicantResponse,
    description: 'Status with the explanation of every decision (eligibility, combined score, rank)',
  })
  get(@Param('id', APPLICANT_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<ApplicantResponse> {
    return this.applicants.get(id, principal);
  }
}

/** A person applies themself: only during the campaign's registration window. */
@ApiTags('recruitment public applications (REC-1)')
@Controller()
export class PublicApplicationsController {
  constructor(private readonly applicants: ApplicantsService) {}

  @Post(PUBLIC_APPLICATION_PATH)
  @Public()
  @UseGuards(PublicRateLimitGuard)
  @ApiCreatedResponse({ type: PublicApplicationResponse })
  @ApiTooManyRequestsResponse({
    description:
      'TOO_MANY_REQUESTS: this address applied too often; the Retry-After header (and details.retryAfterSeconds) says when to retry',
  })
  apply(@Param('id', CAMPAIGN_ID) campaignId: string, @Body() dto: ApplyDto): Promise<PublicApplicationResponse> {
    return this.applicants.applyPublic(campaignId, dto);
  }
}
