/**
 * The OpenAPI class of the staffing report (QUOTA-6; issue 14: every operation documents its
 * success schema). It `implements` the type the service returns; the figures are described as
 * objects (report-figures.ts lists their members), not yet property by property.
 */
import { ApiProperty } from '@nestjs/swagger';
import type { Explanation } from '@cwp/policy';
import type { Region, StaffingFigures } from './report-figures';
import type { StaffingReportResponse } from './report.dto';

const FIGURES = {
  type: 'object',
  additionalProperties: true,
  description: 'Quota, headcount, vacancies, on-duty rate, turnover, titles (4:4:2), ages, education',
} as const;

export class StaffingReportResponseDoc implements StaffingReportResponse {
  @ApiProperty({ example: '310104' }) unitCode!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty() policyVersion!: string;
  @ApiProperty(FIGURES) total!: StaffingFigures;
  @ApiProperty({ ...FIGURES, description: 'ORG-4: the same figures per region present in the subtree' })
  byRegion!: Partial<Record<Region, StaffingFigures>>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'QUOTA-6 explained: rules, inputs, steps' })
  explanation!: Explanation;
}
