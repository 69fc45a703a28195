import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { RecordedResponse } from '../core';
import { ResultResponse, toResultResponse } from '../results';
import { CalibrationDto, CycleListQuery, CycleResponse, OpenCycleDto, TargetsDto, toCycleResponse } from './cycle.dto';
import { CyclesService } from './cycles.service';

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Post()
  @Roles('district', 'street')
  @ApiOperation({ summary: 'Open the appraisal year of a district (or a street, for its own units): one workflow per unit and year' })
  @ApiCreatedResponse({ type: CycleResponse })
  async open(@Body() dto: OpenCycleDto, @CurrentPrincipal() principal: Principal): Promise<CycleResponse> {
    return toCycleResponse(await this.cycles.open(dto, principal));
  }

  @Get()
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: [CycleResponse] })
  async list(@Query() q: CycleListQuery, @CurrentPrincipal() principal: Principal): Promise<CycleResponse[]> {
    return (await this.cycles.list(principal, q.year)).map(toCycleResponse);
  }

  @Get(':id')
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: CycleResponse })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<CycleResponse> {
    return toCycleResponse(await this.cycles.get(id, principal));
  }

  @Post(':id/targets')
  @HttpCode(200)
  @Roles('district', 'street')
  @ApiOperation({ summary: 'APPR-4: record annual and term targets per worker' })
  @ApiOkResponse({ type: RecordedResponse })
  async targets(@Param('id') id: string, @Body() dto: TargetsDto, @CurrentPrincipal() principal: Principal): Promise<RecordedResponse> {
    return this.cycles.addTargets(id, dto, principal);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('district', 'street')
  @ApiOperation({ summary: 'Close the rating window before its deadline (the workflow then scores and grades)' })
  @ApiOkResponse({ type: CycleResponse })
  async close(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<CycleResponse> {
    return toCycleResponse(await this.cycles.closeRating(id, principal));
  }

  @Post(':id/calibrations')
  @HttpCode(200)
  @Roles('district', 'street')
  @ApiOperation({ summary: 'APPR-2: move a draft grade with a reason (audited), while the cycle waits for calibration' })
  @ApiOkResponse({ type: ResultResponse })
  async calibrate(@Param('id') id: string, @Body() dto: CalibrationDto, @CurrentPrincipal() principal: Principal): Promise<ResultResponse> {
    return toResultResponse(await this.cycles.calibrate(id, dto.workerId, dto.grade, dto.reason, principal));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('district', 'street')
  @ApiOperation({ summary: 'Publish a calibrated cycle (refused while a unit is over the calibration limit)' })
  @ApiOkResponse({ type: CycleResponse })
  async publish(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<CycleResponse> {
    return toCycleResponse(await this.cycles.publish(id, principal));
  }
}
