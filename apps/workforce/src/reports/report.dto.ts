import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Explanation } from '@cwp/policy';
import type { Region, StaffingFigures } from './report-figures';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class ReportQueryDto {
  /** Period start (YYYY-MM-DD, inclusive); default 1 January of `to`'s year. */
  @ApiPropertyOptional({ example: '2025-07-01', description: "Period start (inclusive); default 1 January of to's year" })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  /** Period end (inclusive); default today (Shanghai). Age bands are as of this day. */
  @ApiPropertyOptional({ example: '2026-06-30', description: 'Period end (inclusive); default today (Shanghai); age bands as of this day' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}

export interface StaffingReportResponse {
  unitCode: string;
  kind: string;
  from: string;
  to: string;
  policyVersion: string;
  total: StaffingFigures;
  /** ORG-4: central city, urban-rural fringe, suburb (only the kinds present in the subtree). */
  byRegion: Partial<Record<Region, StaffingFigures>>;
  explanation: Explanation;
}
