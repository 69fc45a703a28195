import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, tabularFile, type Principal } from '@cwp/platform';
import type { RecalibrationPreviewSummary } from '@cwp/contracts';
import {
  ApproveRecalibrationDto,
  BudgetLineResponse,
  BudgetQueryDto,
  PreviewSummaryResponse,
  RecalibrationStartResponse,
  RecalibrationResponse,
  SetMultiplierDto,
  WhatIfDto,
  WhatIfResponse,
  WorkerLineResponse,
} from './recalibration.dto';
import { RecalibrationsService } from './recalibrations.service';
import { BUDGET_HEADERS, budgetCells, ExportBudgetQueryDto } from './budget-export';

/** /api/payroll/recalibrations: the yearly recalibration (PAY-3), its preview, approval, budget (PAY-8) and progress. */
@ApiTags('recalibrations')
@Controller('recalibrations')
export class RecalibrationsController {
  constructor(private readonly recalibrations: RecalibrationsService) {}

  @Post('what-if')
  @HttpCode(200)
  @Roles('city')
  @ApiOperation({ summary: 'The recalibration for any multiplier, parameter version or wage; nothing is applied' })
  @ApiOkResponse({ type: WhatIfResponse })
  whatIf(@Body() dto: WhatIfDto, @CurrentPrincipal() principal: Principal): Promise<WhatIfResponse> {
    return this.recalibrations.whatIf(dto, principal);
  }

  @Post(':year/start')
  @HttpCode(200)
  @Roles('city')
  @ApiOperation({ summary: 'Start pay-recalibration:<year> now (the January Schedule does it every year); a second start changes nothing' })
  @ApiOkResponse({ type: RecalibrationStartResponse })
  start(@Param('year', ParseIntPipe) year: number, @CurrentPrincipal() principal: Principal): Promise<RecalibrationStartResponse> {
    return this.recalibrations.start(year, principal);
  }

  @Get(':year')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: 'Status, preview summary with explanation, and progress (done/total, rate, eta)' })
  @ApiOkResponse({ type: RecalibrationResponse })
  get(@Param('year', ParseIntPipe) year: number): Promise<RecalibrationResponse> {
    return this.recalibrations.get(year);
  }

  @Post(':year/approve')
  @HttpCode(200)
  @Roles('city')
  @ApiOperation({ summary: 'Approve the preview seen (a Temporal update); 409 when the wage or multiplier changed since' })
  @ApiOkResponse({ type: PreviewSummaryResponse })
  approve(
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: ApproveRecalibrationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RecalibrationPreviewSummary> {
    return this.recalibrations.approve(year, dto.previewId, principal);
  }

  @Put(':year/multiplier')
  @Roles('city')
  @ApiOperation({ summary: "Set the year's multiplier with a reason (audited); a preview built before is rebuilt" })
  @ApiOkResponse({ type: RecalibrationResponse })
  setMultiplier(
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: SetMultiplierDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RecalibrationResponse> {
    return this.recalibrations.setMultiplier(year, dto, principal);
  }

  @Get(':year/budget')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: 'PAY-8: last pay against new pay per district or street, within the caller’s scope' })
  @ApiOkResponse({ type: [BudgetLineResponse] })
  budget(
    @Param('year', ParseIntPipe) year: number,
    @Query() query: BudgetQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BudgetLineResponse[]> {
    return this.recalibrations.budget(year, query.level ?? 'district', principal);
  }

  @Get(':year/budget/export')
  @Roles('city', 'district', 'street')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'PAY-8 budget as XLSX or CSV (Chinese headers, yuan): the same figures and scope as the JSON budget' })
  @ApiOkResponse({ description: 'The budget file, one line per district or street', schema: { type: 'string', format: 'binary' } })
  async exportBudget(
    @Param('year', ParseIntPipe) year: number,
    @Query() query: ExportBudgetQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const level = query.level ?? 'district';
    const lines = await this.recalibrations.budget(year, level, principal);
    return tabularFile(query.format, `pay-budget-${year}-${level}`, BUDGET_HEADERS, budgetCells(year, level, lines), '工资预算');
  }

  @Get(':year/workers/:workerId')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: "A worker's old and new pay with the explanation (404 outside scope)" })
  @ApiOkResponse({ type: WorkerLineResponse })
  workerLine(
    @Param('year', ParseIntPipe) year: number,
    @Param('workerId') workerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WorkerLineResponse> {
    return this.recalibrations.workerLine(year, workerId, principal);
  }
}
