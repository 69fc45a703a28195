import { Body, Controller, Get, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { CorrectWageDto, PublishWageDto, WageResponse } from './wage.dto';
import { WagesService } from './wages.service';

/** /api/payroll/wages: the city's average wage per year (PAY-1, PAY-3). */
@ApiTags('wages')
@Controller('wages')
export class WagesController {
  constructor(private readonly wages: WagesService) {}

  @Post()
  @Roles('city')
  @ApiOperation({ summary: "Publish a year's city average wage (once; emits cwp.payroll.wage.published.v1)" })
  @ApiCreatedResponse({ type: WageResponse })
  publish(@Body() dto: PublishWageDto, @CurrentPrincipal() principal: Principal): Promise<WageResponse> {
    return this.wages.publish(dto, principal);
  }

  @Put(':year')
  @Roles('city')
  @ApiOperation({ summary: 'Correct a published wage, with a reason (audited; invalidates a preview built on it)' })
  @ApiOkResponse({ type: WageResponse })
  correct(
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: CorrectWageDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WageResponse> {
    return this.wages.correct(year, dto, principal);
  }

  @Get()
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: [WageResponse] })
  list(): Promise<WageResponse[]> {
    return this.wages.list();
  }

  @Get(':year')
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: WageResponse })
  get(@Param('year', ParseIntPipe) year: number): Promise<WageResponse> {
    return this.wages.get(year);
  }
}
