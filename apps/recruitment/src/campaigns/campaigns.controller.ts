import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, UuidPipe, type Principal } from '@cwp/platform';
import { CAMPAIGN_ENTITY_NAME } from './campaign-access';
import {
  CampaignListResponse,
  CampaignPostResponse,
  CampaignResponse,
  ListCampaignsQueryDto,
  OpenCampaignDto,
  PostPlanDto,
} from './campaign.dto';
import { StreetPostsService } from './street-posts.service';
import { CampaignsService } from './campaigns.service';

/** A malformed campaign id names no campaign: 404, as a missing one (checked before it reaches SQL). */
export const CAMPAIGN_ID = new UuidPipe({ entity: CAMPAIGN_ENTITY_NAME });

/** /api/recruitment/campaigns. Thin: one service call per handler. */
@ApiTags('recruitment campaigns (REC-1..3, REC-5)')
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly streetPosts: StreetPostsService,
  ) {}

  /** REC-3: a street adds a street-selected post within its vacancies, while registration is open. */
  @Post(':id/street-posts')
  @Roles('street', 'district', 'city')
  @ApiCreatedResponse({ type: CampaignPostResponse })
  addStreetPost(
    @Param('id', CAMPAIGN_ID) id: string,
    @Body() dto: PostPlanDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignPostResponse> {
    return this.streetPosts.add(id, dto, principal);
  }

  @Post()
  @Roles('district', 'city')
  @ApiCreatedResponse({ type: CampaignResponse })
  open(@Body() dto: OpenCampaignDto, @CurrentPrincipal() principal: Principal): Promise<CampaignResponse> {
    return this.campaigns.open(dto, principal);
  }

  @Get()
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: CampaignListResponse })
  list(@Query() query: ListCampaignsQueryDto, @CurrentPrincipal() principal: Principal): Promise<CampaignListResponse> {
    return this.campaigns.list(query, principal);
  }

  @Get(':id')
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: CampaignResponse })
  get(@Param('id', CAMPAIGN_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<CampaignResponse> {
    return this.campaigns.get(id, principal);
  }
}
