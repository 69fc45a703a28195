import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { QuotaReviewDecisionDto, StartQuotaReviewDto, type QuotaProposalResponse, type QuotaReviewResponse } from './quota-review.dto';
import {
  QuotaProposalResponseDoc,
  QuotaReviewDistrictStateDoc,
  QuotaReviewResponseDoc,
  QuotaReviewStartedDoc,
} from './quota-review-response.doc';
import { QuotaReviewsService } from './quota-reviews.service';

/** /api/workforce/quota-reviews: the yearly quota review (QUOTA-5). */
@ApiTags('quota reviews')
@Controller('quota-reviews')
@Roles('city', 'district', 'street')
export class QuotaReviewsController {
  constructor(private readonly reviews: QuotaReviewsService) {}

  /** On demand (the yearly Schedule starts it every 1 January): city operators only. */
  @Post()
  @Roles('city')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: QuotaReviewStartedDoc })
  start(@Body() dto: StartQuotaReviewDto, @CurrentPrincipal() principal: Principal) {
    return this.reviews.start(dto, principal);
  }

  @Get(':year')
  @ApiOkResponse({ type: QuotaReviewResponseDoc })
  status(@Param('year', ParseIntPipe) year: number, @CurrentPrincipal() principal: Principal): Promise<QuotaReviewResponse> {
    return this.reviews.status(year, principal);
  }

  @Get(':year/proposals')
  @ApiOkResponse({ type: [QuotaProposalResponseDoc] })
  proposals(
    @Param('year', ParseIntPipe) year: number,
    @Query('unit') unit: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<QuotaProposalResponse[]> {
    return this.reviews.proposals(year, unit, principal);
  }

  @Post(':year/districts/:districtCode/decision')
  @Roles('city', 'district')
  @HttpCode(200)
  @ApiOkResponse({ type: QuotaReviewDistrictStateDoc })
  decide(
    @Param('year', ParseIntPipe) year: number,
    @Param('districtCode') districtCode: string,
    @Body() dto: QuotaReviewDecisionDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.reviews.decide(year, districtCode, dto, principal);
  }
}
