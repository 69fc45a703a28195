/** The PAY-8 budget as a file (issue 14): the JSON lines' figures under Chinese headers, yuan as numbers. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TABULAR_FORMATS, type TabularFormat } from '@cwp/platform';
import { BudgetQueryDto, type BudgetLineResponse } from './recalibration.dto';

export class ExportBudgetQueryDto extends BudgetQueryDto {
  @ApiPropertyOptional({ enum: TABULAR_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(TABULAR_FORMATS)
  format: TabularFormat = 'xlsx';
}

/** The file's columns: the unit, the pay year, then last and new pay in yuan (as the pay register shows money). */
export const BUDGET_HEADERS = ['层级', '单位代码', '年度', '人数', '上年工资总额（元）', '新工资总额（元）', '增减（元）'] as const;

const LEVEL_ZH = { district: '区', street: '街道' } as const;

/** The JSON budget lines as lines of the file, in the same (unit code) order; fen become yuan. */
export function budgetCells(
  payYear: number,
  level: keyof typeof LEVEL_ZH,
  lines: readonly BudgetLineResponse[],
): Array<Array<string | number>> {
  return lines.map((b) => [
    LEVEL_ZH[level],
    b.unitCode,
    payYear,
    b.workers,
    b.previousTotalFen / 100,
    b.newTotalFen / 100,
    b.deltaFen / 100,
  ]);
}
