/** The pay run's unit totals as a file (issue 14): the JSON lines' figures under Chinese headers, yuan as numbers. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TABULAR_FORMATS, type TabularFormat } from '@cwp/platform';
import { UnitTotalsQueryDto, type UnitTotalResponse } from './pay-run.dto';

export class ExportUnitTotalsQueryDto extends UnitTotalsQueryDto {
  @ApiPropertyOptional({ enum: TABULAR_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(TABULAR_FORMATS)
  format: TabularFormat = 'xlsx';
}

/** The file's columns: the unit, the month, then the JSON's fen amounts in yuan (as the pay register shows money). */
export const UNIT_TOTALS_HEADERS = [
  '层级',
  '单位代码',
  '期间',
  '人数',
  '基本工资（元）',
  '绩效工资（元）',
  '补发（元）',
  '合计（元）',
] as const;

const LEVEL_ZH = { district: '区', street: '街道', area: '居委' } as const;

/** Fen (integers, the API's unit) as yuan; an integer over 100 prints with at most two decimals. */
const yuan = (fen: number): number => fen / 100;

/** The JSON unit totals as lines of the file, in the same (unit code) order. */
export function unitTotalsCells(
  period: string,
  level: keyof typeof LEVEL_ZH,
  totals: readonly UnitTotalResponse[],
): Array<Array<string | number>> {
  return totals.map((u) => [
    LEVEL_ZH[level],
    u.unitCode,
    period,
    u.workers,
    yuan(u.baseFen),
    yuan(u.performanceFen),
    yuan(u.arrearsFen),
    yuan(u.totalFen),
  ]);
}
