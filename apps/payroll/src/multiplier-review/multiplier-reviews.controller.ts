import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cwp/platform';
import { MultiplierReviewResponse } from './multiplier-review.dto';
import { MultiplierReviewsService } from './multiplier-reviews.service';

/** /api/payroll/multiplier-reviews: the city's four-yearly multiplier review tasks (PAY-4). */
@ApiTags('multiplier-reviews')
@Controller('multiplier-reviews')
export class MultiplierReviewsController {
  constructor(private readonly reviews: MultiplierReviewsService) {}

  @Get()
  @Roles('city')
  @ApiOperation({ summary: 'PAY-4 reviews opened by the four-yearly Schedule, newest first' })
  @ApiOkResponse({ type: [MultiplierReviewResponse] })
  list(): Promise<MultiplierReviewResponse[]> {
    return this.reviews.list();
  }

  @Get(':year')
  @Roles('city')
  @ApiOperation({ summary: 'A review with the wage, multiplier and pay-to-wage figures of the four years before it' })
  @ApiOkResponse({ type: MultiplierReviewResponse })
  get(@Param('year', ParseIntPipe) year: number): Promise<MultiplierReviewResponse> {
    return this.reviews.get(year);
  }
}
