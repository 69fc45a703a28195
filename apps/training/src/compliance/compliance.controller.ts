import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, tabularFile, type Principal } from '@cwp/platform';
import { COMPLIANCE_REPORT_HEADERS, ExportReportQueryDto, complianceReportCells } from './compliance-export';
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

  @Get('compliance/report/export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The compliance report as XLSX or CSV: the same figures as the JSON report, scope-checked the same way' })
  @ApiOkResponse({
    description: 'The report file (Chinese headers): the total, then each unit one level down',
    schema: { type: 'string', format: 'binary' },
  })
  async exportReport(@Query() query: ExportReportQueryDto, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const report = await this.compliance.report(query.unitCode, query.year, principal);
    const basename = `training-compliance-${query.unitCode}-${query.year}`;
    return tabularFile(query.format, basename, COMPLIANCE_REPORT_HEADERS, complianceReportCells(report), '培训达标报表');
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
