import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { ComplianceService } from './compliance.service';
import {
  ComplianceResponse,
  RecommendationsResponse,
  ReportQueryDto,
  RunResponse,
  StartRunDto,
  UnitReportResponse,
  YearQueryDto,
} from './compliance.dto';
import { ComplianceRuns } from './workflow/compliance-runs';

/** /api/training/compliance: the yearly run, its per-unit report, each worker's verdict and recommendations. Thin. */
@ApiTags('training compliance (TRAIN-2, TRAIN-3, TRAIN-4, TRAIN-6)')
@Controller()
@Roles('city', 'district', 'street')
export class ComplianceController {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly runs: ComplianceRuns,
  ) {}

  @Post('compliance/runs')
  @Roles('city')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RunResponse })
  start(@Body() dto: StartRunDto): Promise<RunResponse> {
    return this.runs.start(dto.year);
  }

  @Get('compliance/runs/:year')
  @Roles('city')
  @ApiOkResponse({ type: RunResponse })
  status(@Param('year', ParseIntPipe) year: number): Promise<RunResponse> {
    return this.runs.status(year);
  }

  @Get('compliance/report')
  @ApiOkResponse({ type: UnitReportResponse })
  report(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal): Promise<UnitReportResponse> {
    return this.compliance.report(query.unitCode, query.year, principal);
  }

  @Get('workers/:workerId/compliance')
  @ApiOkResponse({ type: ComplianceResponse })
  worker(
    @Param('workerId') workerId: string,
    @Query() query: YearQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ComplianceResponse> {
    return this.compliance.workerResult(workerId, query.year, principal);
  }

  @Get('workers/:workerId/recommendations')
  @ApiOkResponse({ type: RecommendationsResponse })
  recommendations(@Param('workerId') workerId: string, @CurrentPrincipal() principal: Principal): Promise<RecommendationsResponse> {
    return this.compliance.recommendations(workerId, principal);
  }
}
