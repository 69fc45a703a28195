/** The yearly compliance report as a file (issue 14): the JSON report's figures under Chinese headers. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TABULAR_FORMATS, type TabularFormat } from '@cwp/platform';
import { ReportQueryDto, type UnitReportResponse } from './compliance.dto';

export class ExportReportQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ enum: TABULAR_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(TABULAR_FORMATS)
  format: TabularFormat = 'xlsx';
}

/** The file's columns; each count names the rule it checks (TRAIN-3 hours, TRAIN-4 off-the-job, TRAIN-2 "four ones"). */
export const COMPLIANCE_REPORT_HEADERS = [
  '范围',
  '单位代码',
  '年度',
  '人数',
  '达标人数',
  '学时不足（每年80学时）',
  '脱产培训未完成（每两年一次）',
  '“四个一”逾期',
  '人均学时',
] as const;

/** The level a unit's line stands for (ORG-2: city → district → street → residential area). */
const SCOPE_BY_LENGTH: Record<number, string> = { 6: '区', 9: '街道', 12: '居委' };

/** The JSON report as lines of the file: the total first (合计, no average: the JSON total has none), then each unit one level down. */
export function complianceReportCells(report: UnitReportResponse): Array<Array<string | number | null>> {
  const t = report.total;
  return [
    ['合计', report.unitCode, report.year, t.workers, t.compliant, t.hoursShort, t.offJobMissing, t.fourOnesOverdue, null],
    ...report.units.map((u) => [
      SCOPE_BY_LENGTH[u.unitCode.length] ?? '单位',
      u.unitCode,
      report.year,
      u.workers,
      u.compliant,
      u.hoursShort,
      u.offJobMissing,
      u.fourOnesOverdue,
      u.averageHours,
    ]),
  ];
}
