import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EDUCATION_LEVELS } from '@cwp/contracts';
import { Controller, Get, Param, Query, type StreamableFile } from '@nestjs/common';
import { CurrentPrincipal, Roles, tabularFile, type Principal } from '@cwp/platform';
import { ExportReportQueryDto, STAFFING_REPORT_HEADERS, staffingReportCells } from './report-export';
import { ReportQueryDto, type StaffingReportResponse } from './report.dto';
import { StaffingReportResponseDoc } from './report-response.doc';
import { ReportsService } from './reports.service';

/** GET /api/workforce/units/:code/report?from=&to= (QUOTA-6, PROM-3, ORG-4). */
@ApiTags('reports')
@Controller('units/:code/report')
@Roles('city', 'district', 'street')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiOkResponse({
    type: StaffingReportResponseDoc,
    description: `QUOTA-6 figures, PROM-3 title structure, age bands and the education structure (keys: ${EDUCATION_LEVELS.join(', ')}), in total and per ORG-4 region kind`,
  })
  report(
    @Param('code') code: string,
    @Query() query: ReportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffingReportResponse> {
    return this.reports.staffing(code, query, principal);
  }

  @Get('export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description: 'The report file (Chinese headers and labels): the total, then each region kind',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiOperation({ summary: 'The staffing report as XLSX or CSV: the same figures as the JSON report, scope-checked the same way' })
  async export(
    @Param('code') code: string,
    @Query() query: ExportReportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const report = await this.reports.staffing(code, query, principal);
    return tabularFile(
      query.format,
      `staffing-report-${code}-${report.from}-${report.to}`,
      STAFFING_REPORT_HEADERS,
      staffingReportCells(report),
      '编制配备报表',
    );
  }
}
