import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, tabularFile, type Principal } from '@cwp/platform';
import { DISTRIBUTION_REPORT_HEADERS, ExportDistributionQuery, distributionReportCells } from './distribution-export';
import {
  AppealDecisionDto,
  AppealDto,
  DistributionReportResponse,
  ReportQuery,
  ResultListQuery,
  ResultResponse,
  TopTenDto,
  TopTenResponse,
  toResultResponse,
} from './result.dto';
import { ResultsService } from './results.service';

@ApiTags('results')
@ApiBearerAuth()
@Controller()
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get('results')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: "A unit subtree's results of a year (keyset pages by worker id)" })
  @ApiOkResponse({ type: [ResultResponse] })
  async list(@Query() q: ResultListQuery, @CurrentPrincipal() principal: Principal): Promise<ResultResponse[]> {
    return (await this.results.ofUnit(q.unit, q.year, q.after ?? '', q.limit ?? 100, principal)).map(toResultResponse);
  }

  @Get('results/:workerId/:year')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: "A worker's result of a year, with its explanation (APPR-1..3)" })
  @ApiOkResponse({ type: ResultResponse })
  async one(
    @Param('workerId') workerId: string,
    @Param('year', ParseIntPipe) year: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResultResponse> {
    return toResultResponse(await this.results.ofWorker(workerId, year, principal));
  }

  @Get('reports/distribution')
  @Roles('city', 'district')
  @ApiOperation({ summary: 'Published grade distribution of a district (by street) or the city (by district)' })
  @ApiOkResponse({ type: DistributionReportResponse })
  async report(@Query() q: ReportQuery, @CurrentPrincipal() principal: Principal): Promise<DistributionReportResponse> {
    return this.results.report(q.unit, q.year, principal);
  }

  @Get('reports/distribution/export')
  @Roles('city', 'district')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({
    summary: 'The grade distribution report as XLSX or CSV: the same figures as the JSON report, scope-checked the same way',
  })
  @ApiOkResponse({
    description:
      'The report file (Chinese headers and grade labels): the total, then each street (district report) or district (city report)',
    schema: { type: 'string', format: 'binary' },
  })
  async exportReport(@Query() q: ExportDistributionQuery, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const report = await this.results.report(q.unit, q.year, principal);
    const cells = distributionReportCells(report);
    return tabularFile(q.format, `grade-distribution-${q.unit}-${q.year}`, DISTRIBUTION_REPORT_HEADERS, cells, '考核等次分布');
  }

  @Post('results/:workerId/:year/appeal')
  @HttpCode(200)
  @Roles('district', 'street')
  @ApiOperation({ summary: 'File the worker’s appeal of a published grade (within the appeal window)' })
  @ApiOkResponse({ type: ResultResponse })
  async appeal(
    @Param('workerId') workerId: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: AppealDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResultResponse> {
    return toResultResponse(await this.results.fileAppeal(workerId, year, dto.reason, principal));
  }

  @Post('results/:workerId/:year/appeal/decision')
  @HttpCode(200)
  @Roles('city', 'district')
  @ApiOperation({ summary: 'Decide an appeal: upheld changes the grade and cancels consequences it started (APPR-5)' })
  @ApiOkResponse({ type: ResultResponse })
  async decide(
    @Param('workerId') workerId: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: AppealDecisionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResultResponse> {
    return toResultResponse(await this.results.decideAppeal(workerId, year, dto.outcome, dto.grade, dto.reason, principal));
  }

  @Post('incentives/top-ten')
  @Roles('city', 'district')
  @ApiOperation({ summary: 'APPR-6: select the yearly top ten outstanding workers of a district or the city (only 优秀)' })
  @ApiCreatedResponse({ type: TopTenResponse })
  async topTen(@Body() dto: TopTenDto, @CurrentPrincipal() principal: Principal): Promise<TopTenResponse> {
    return this.results.selectTopTen(dto.level, dto.unitCode, dto.year, principal);
  }
}
