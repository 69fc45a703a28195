import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EDUCATION_LEVELS, WORKER_TITLES, zhLabelOf } from '@cwp/contracts';
import { TABULAR_FORMATS, type TabularFormat } from '@cwp/platform';
import { REGIONS, type Region, type StaffingFigures } from './report-figures';
import { ReportQueryDto, type StaffingReportResponse } from './report.dto';

export class ExportReportQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ enum: TABULAR_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(TABULAR_FORMATS)
  format: TabularFormat = 'xlsx';
}

/** ORG-4 region kinds as the policy names them. */
const REGION_ZH: Record<Region, string> = { central: '城区', fringe: '城乡结合区', suburb: '郊区' };

/** The report file's columns, in Chinese (operators read it; issue 14); one line for the total, one per region kind. */
export const STAFFING_REPORT_HEADERS = [
  '范围',
  '单位代码',
  '起始日期',
  '截止日期',
  '街道数',
  '居委数',
  '核定编制',
  '其中借入机动编制',
  '实有人数',
  '空缺',
  '在岗',
  '离岗休假',
  '在岗率',
  '期内入职',
  '期内退出',
  '期初人数',
  '期末人数',
  '平均人数',
  '流失率',
  ...WORKER_TITLES.map((title) => zhLabelOf('title', title)),
  '无职称',
  '30岁以下',
  '30–39岁',
  '40–49岁',
  '50岁及以上',
  ...EDUCATION_LEVELS.map((level) => `学历：${zhLabelOf('education', level)}`),
] as const;

function figureCells(f: StaffingFigures): Array<number | null> {
  return [
    f.streets,
    f.areas,
    f.quota,
    f.borrowedFloating,
    f.headcount,
    f.vacancies,
    f.onDuty,
    f.onLeave,
    f.onDutyRate,
    f.hires,
    f.exits,
    f.headcountAtStart,
    f.headcountAtEnd,
    f.averageHeadcount,
    f.turnoverRate,
    ...WORKER_TITLES.map((title) => f.titles.counts[title]),
    f.titles.counts.none,
    f.ages.under30,
    f.ages.from30to39,
    f.ages.from40to49,
    f.ages.from50,
    ...EDUCATION_LEVELS.map((level) => f.education[level]),
  ];
}

/** The JSON report as lines of the file: the same figures, the total first, then each region kind present (ORG-4 order). */
export function staffingReportCells(report: StaffingReportResponse): Array<Array<string | number | null>> {
  const head = (scope: string): Array<string | number | null> => [scope, report.unitCode, report.from, report.to];
  const lines = [[...head('合计'), ...figureCells(report.total)]];
  for (const region of REGIONS) {
    const figures = report.byRegion[region];
    if (figures) lines.push([...head(REGION_ZH[region]), ...figureCells(figures)]);
  }
  return lines;
}
