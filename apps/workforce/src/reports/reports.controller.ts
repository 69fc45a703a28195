import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EDUCATION_LEVELS } from '@cwp/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
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
}
