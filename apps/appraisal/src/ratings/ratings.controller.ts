import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@cwp/platform';
import { RecordedResponse } from '../core';
import { OperatorRatingsDto, RatingCountResponse, ResidentRatingDto, ResidentRatingResponse } from './rating.dto';
import { RatingsService } from './ratings.service';
import { ResidentRateLimitGuard } from './resident-rate-limit.guard';

export const RESIDENT_RATINGS_PATH = 'public/ratings';

@ApiTags('ratings')
@Controller()
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Post('cycles/:id/ratings')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('district', 'street')
  @ApiOperation({ summary: 'APPR-1/3: management or peer ratings on the five dimensions, while the window is open' })
  @ApiOkResponse({ type: RecordedResponse })
  async rate(
    @Param('id') id: string,
    @Body() dto: OperatorRatingsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RecordedResponse> {
    return this.ratings.rateAsOperator(id, dto, principal);
  }

  @Get('cycles/:id/rating-counts')
  @ApiBearerAuth()
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: 'How many raters of each source rated each worker (never who)' })
  @ApiOkResponse({ type: [RatingCountResponse] })
  async counts(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<RatingCountResponse[]> {
    return this.ratings.counts(id, principal);
  }

  @Post(RESIDENT_RATINGS_PATH)
  @Public()
  @UseGuards(ResidentRateLimitGuard)
  @HttpCode(201)
  @ApiOperation({ summary: "APPR-3 residents' rating: no operator token, rate-limited, anonymous, one per resident per worker per year" })
  @ApiTooManyRequestsResponse({
    description:
      'TOO_MANY_REQUESTS: this address rated too often; the Retry-After header (and details.retryAfterSeconds) says when to retry',
    schema: { $ref: '#/components/schemas/ErrorBody' },
  })
  @ApiCreatedResponse({ type: ResidentRatingResponse })
  async resident(@Body() dto: ResidentRatingDto): Promise<ResidentRatingResponse> {
    return this.ratings.rateAsResident(dto);
  }
}
