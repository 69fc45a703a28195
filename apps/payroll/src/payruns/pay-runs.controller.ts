import { Body, Controller, Get, Header, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, tabularFile, type Principal } from '@cwp/platform';
import {
  PayPoolResponse,
  PayRunResponse,
  PaySlipResponse,
  PoolsQueryDto,
  RunPayDto,
  UnitTotalResponse,
  UnitTotalsQueryDto,
} from './pay-run.dto';
import { PayRunsService } from './pay-runs.service';
import { ExportUnitTotalsQueryDto, UNIT_TOTALS_HEADERS, unitTotalsCells } from './unit-totals-export';

/** /api/payroll/pay-runs: the monthly pay run (PAY-2, PAY-5), slips, unit totals, bank file. */
@ApiTags('pay-runs')
@Controller('pay-runs')
export class PayRunsController {
  constructor(private readonly payRuns: PayRunsService) {}

  @Post()
  @Roles('city')
  @ApiOperation({ summary: 'Run a month (the monthly Schedule does it); a second run of a month changes nothing' })
  @ApiCreatedResponse({ type: PayRunResponse })
  run(@Body() dto: RunPayDto, @CurrentPrincipal() principal: Principal): Promise<PayRunResponse> {
    return this.payRuns.run(dto.period, principal);
  }

  @Get(':period')
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: PayRunResponse })
  get(@Param('period') period: string): Promise<PayRunResponse> {
    return this.payRuns.get(period);
  }

  @Get(':period/units')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: 'Totals per district, street or area within the caller’s scope; an unknown run is 404' })
  @ApiOkResponse({ type: [UnitTotalResponse] })
  units(
    @Param('period') period: string,
    @Query() query: UnitTotalsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UnitTotalResponse[]> {
    return this.payRuns.unitTotals(period, query.level ?? 'street', principal);
  }

  @Get(':period/units/export')
  @Roles('city', 'district', 'street')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({
    summary: 'The unit totals as XLSX or CSV (Chinese headers, yuan): the same figures and scope as the JSON totals; an unknown run is 404',
  })
  @ApiOkResponse({ description: 'The totals file, one line per unit', schema: { type: 'string', format: 'binary' } })
  async exportUnits(
    @Param('period') period: string,
    @Query() query: ExportUnitTotalsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const level = query.level ?? 'street';
    const totals = await this.payRuns.unitTotals(period, level, principal);
    const cells = unitTotalsCells(period, level, totals);
    return tabularFile(query.format, `pay-unit-totals-${period}-${level}`, UNIT_TOTALS_HEADERS, cells, '单位工资汇总');
  }

  @Get(':period/pools')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: 'PAY-6: the units’ performance pools of the month within the caller’s scope (paid, or with inputs missing)' })
  @ApiOkResponse({ type: [PayPoolResponse] })
  pools(
    @Param('period') period: string,
    @Query() query: PoolsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PayPoolResponse[]> {
    return this.payRuns.poolsOf(period, query.status, principal);
  }

  @Get(':period/register.csv')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: 'Pay register of the month within the caller’s scope: CSV with Chinese headers (UTF-8 with BOM), streamed' })
  @ApiOkResponse({ description: 'CSV, UTF-8 with BOM', content: { 'text/csv': { schema: { type: 'string' } } } })
  async register(@Param('period') period: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return new StreamableFile(await this.payRuns.register(period, principal), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="pay-register-${period}.csv"`,
    });
  }

  @Get(':period/register.xlsx')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: 'The same pay register as XLSX (sheet 工资名册, Chinese headers, yuan as numbers), streamed' })
  @ApiOkResponse({
    description: 'XLSX workbook',
    content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } },
  })
  registerXlsx(@Param('period') period: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return this.payRuns.registerXlsx(period, principal);
  }

  @Get(':period/bank.csv')
  @Roles('city')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'Bank transfer file of the month (CSV: worker id, unit, amount in yuan)' })
  @ApiOkResponse({ description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } })
  bankFile(@Param('period') period: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.payRuns.bankFile(period, principal);
  }

  @Get(':period/slips/:workerId')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: "A worker's slip with its explanation; 404 outside the caller's scope (audited)" })
  @ApiOkResponse({ type: PaySlipResponse })
  slip(
    @Param('period') period: string,
    @Param('workerId') workerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PaySlipResponse> {
    return this.payRuns.slip(period, workerId, principal);
  }
}
