/** The APPR-2 grade distribution report as a file (issue 14): the JSON report's figures, Chinese headers and labels. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { APPRAISAL_GRADES, zhLabelOf } from '@cwp/contracts';
import { TABULAR_FORMATS, type TabularFormat } from '@cwp/platform';
import { ReportQuery } from './result.dto';
import type { DistributionReport } from './results.service';

export class ExportDistributionQuery extends ReportQuery {
  @ApiPropertyOptional({ enum: TABULAR_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(TABULAR_FORMATS)
  format: TabularFormat = 'xlsx';
}

/** The file's columns: scope, unit, year, total, then one count per APPR-2 grade (in the policy's order). */
export const DISTRIBUTION_REPORT_HEADERS = [
  '范围',
  '单位代码',
  '年度',
  '已发布人数',
  ...APPRAISAL_GRADES.map((grade) => zhLabelOf('grade', grade)),
] as const;

/** A district report lists its streets, the city report its districts (ORG-2). */
const partLabel = (unitCode: string): string => (unitCode.length === 6 ? '区' : '街道');

/** The JSON report as lines of the file: the total first (合计), then each unit as the report lists it. */
export function distributionReportCells(report: DistributionReport): Array<Array<string | number>> {
  const line = (scope: string, unitCode: string, total: number, byGrade: DistributionReport['byGrade']) => [
    scope,
    unitCode,
    report.year,
    total,
    ...APPRAISAL_GRADES.map((grade) => byGrade[grade]),
  ];
  return [
    line('合计', report.unitCode, report.total, report.byGrade),
    ...report.units.map((u) => line(partLabel(u.unitCode), u.unitCode, u.total, u.byGrade)),
  ];
}
