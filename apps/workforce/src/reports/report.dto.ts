import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '@cwp/platform';
import type { Explanation } from '@cwp/policy';
import type { Region, StaffingFigures } from './report-figures';

export class ReportQueryDto {
  /** Period start (YYYY-MM-DD, inclusive); default 1 January of `to`'s year. */
  @ApiPropertyOptional({ example: '2025-07-01', description: "Period start (inclusive); default 1 January of to's year" })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  /** Period end (inclusive); default today (Shanghai). Age bands are as of this day. */
  @ApiPropertyOptional({ example: '2026-06-30', description: 'Period end (inclusive); default today (Shanghai); age bands as of this day' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/**
 * The report body. `total.education` (and each region's) is keyed by the shared vocabulary's
 * education codes (@cwp/contracts EDUCATION_LEVELS: below-junior-college … doctorate).
 */
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
