import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Explanation } from '@cwp/policy';
import type { PayPoolLineRow, PayPoolRow, PoolMissingInput, PoolRunSummary } from './pay-pool.row';
import type { PayArrearsRow, PayRunRow, PaySlipRow, UnitTotalRow } from './pay-run.row';

export const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export class RunPayDto {
  @ApiProperty({ example: '2027-03', description: 'The month to pay (YYYY-MM)' })
  @Matches(PERIOD, { message: 'period must be a month YYYY-MM' })
  period!: string;
}

export class UnitTotalsQueryDto {
  @ApiPropertyOptional({ enum: ['district', 'street', 'area'], default: 'street' })
  @IsOptional()
  @IsIn(['district', 'street', 'area'])
  level?: 'district' | 'street' | 'area';
}

export class PoolsQueryDto {
  @ApiPropertyOptional({ enum: ['paid', 'inputs-missing'], description: 'Only the pools paid, or only those whose inputs were missing' })
  @IsOptional()
  @IsIn(['paid', 'inputs-missing'])
  status?: 'paid' | 'inputs-missing';
}

export class MissingPoolResponse {
  @ApiProperty() unitCode!: string;
  @ApiProperty({ enum: ['quota', 'grades', 'referenceWage'], isArray: true }) missing!: PoolMissingInput[];
}

/** PAY-6: what the month's pools paid (a month with no instalment due has none). */
export class PoolRunSummaryResponse implements PoolRunSummary {
  @ApiProperty({ description: '1..4 for a quarter, 1 of 1 for a yearly payment' }) instalment!: number;
  @ApiProperty({ enum: [1, 4] }) instalments!: number;
  @ApiProperty({ description: 'The appraisal year whose grades share the pool' }) appraisalYear!: number;
  @ApiProperty() referenceWageYear!: number;
  @ApiProperty() unitsPaid!: number;
  @ApiProperty({ description: 'Units whose quota, grades or reference wage had not arrived: no line paid' }) unitsMissing!: number;
  @ApiProperty() paidFen!: number;
  @ApiProperty({ type: [MissingPoolResponse], description: 'The first 200 units with inputs missing (all: GET pay-runs/:period/pools)' })
  missing!: MissingPoolResponse[];
}

export class PayRunResponse {
  @ApiProperty() period!: string;
  @ApiProperty() policyVersion!: string;
  @ApiProperty() workers!: number;
  @ApiProperty() baseTotalFen!: number;
  @ApiProperty() performanceTotalFen!: number;
  @ApiProperty({ description: 'Back pay for earlier months of the year paid with this month (negative: recovered)' })
  arrearsTotalFen!: number;
  @ApiProperty({
    type: PoolRunSummaryResponse,
    nullable: true,
    description: 'PAY-6: the pools paid this month; null when no instalment falls due',
  })
  pools!: PoolRunSummaryResponse | null;
  @ApiProperty({ description: 'PAY-2, PAY-3, PAY-5 of how every slip of the month was computed' }) explanation!: Explanation;

  static toResponse(row: PayRunRow): PayRunResponse {
    return {
      period: row.period,
      policyVersion: row.policyVersion,
      workers: row.workers,
      baseTotalFen: row.baseTotalFen,
      performanceTotalFen: row.performanceTotalFen,
      arrearsTotalFen: row.arrearsTotalFen,
      pools: row.pools,
      explanation: row.explanation,
    };
  }
}

/** One earlier month this slip settles (back pay when the yearly pay changed after it was paid). */
export class ArrearsLineResponse implements PayArrearsRow {
  @ApiProperty({ example: '2027-01' }) forPeriod!: string;
  @ApiProperty({ description: 'The yearly pay the month was paid on' }) paidAnnualFen!: number;
  @ApiProperty({ description: 'The yearly pay in force now (recalibrated, or after a back-dated change)' }) dueAnnualFen!: number;
  @ApiProperty({ description: 'Paid for the month so far (its slip and earlier arrears)' }) paidFen!: number;
  @ApiProperty({ description: 'Due for the month on the yearly pay in force now' }) dueFen!: number;
  @ApiProperty() arrearsFen!: number;
}

/** PAY-5/PAY-6: the slip's performance line, a share of its unit's pool instalment. */
export class PerformanceLineResponse {
  @ApiProperty({ description: 'The unit whose quota binds the pool' }) poolUnitCode!: string;
  @ApiProperty({
    nullable: true,
    enum: ['excellent', 'qualified', 'basically-qualified', 'unqualified'],
    description: 'null: no grade yet',
  })
  grade!: string | null;
  @ApiProperty() appraisalYear!: number;
  @ApiProperty() instalment!: number;
  @ApiProperty() instalments!: number;
  @ApiProperty() quota!: number;
  @ApiProperty({ description: 'The unit workers paid this month (graded and not)' }) headcount!: number;
  @ApiProperty({ description: 'The yearly pool: quota × per-place amount' }) poolFen!: number;
  @ApiProperty({ description: "This month's instalment of the pool, the same for any headcount" }) instalmentFen!: number;
  @ApiProperty() shareFen!: number;

  static toResponse(line: PayPoolLineRow, pool: PayPoolRow): PerformanceLineResponse {
    const graded = Object.values(pool.gradeCounts).reduce((a, b) => a + (b ?? 0), 0);
    return {
      poolUnitCode: pool.unitCode,
      grade: line.grade,
      appraisalYear: pool.appraisalYear,
      instalment: pool.instalment,
      instalments: pool.instalments,
      quota: pool.quota!,
      headcount: graded + pool.ungraded,
      poolFen: pool.poolFen!,
      instalmentFen: pool.instalmentFen!,
      shareFen: line.shareFen,
    };
  }
}

/** PAY-6: one unit's pool of a period: its inputs, what it paid, or which inputs were missing. */
export class PayPoolResponse {
  @ApiProperty() unitCode!: string;
  @ApiProperty({ enum: ['paid', 'inputs-missing'] }) status!: 'paid' | 'inputs-missing';
  @ApiProperty({ enum: ['quota', 'grades', 'referenceWage'], isArray: true }) missing!: PoolMissingInput[];
  @ApiProperty() appraisalYear!: number;
  @ApiProperty() instalment!: number;
  @ApiProperty() instalments!: number;
  @ApiProperty({ nullable: true, type: Number }) quota!: number | null;
  @ApiProperty({ description: 'Workers paid this month per grade of the appraisal year' }) gradeCounts!: Record<string, number>;
  @ApiProperty({ description: 'Workers with no grade of the appraisal year (no share)' }) ungraded!: number;
  @ApiProperty({ nullable: true, type: Number }) poolFen!: number | null;
  @ApiProperty({ nullable: true, type: Number }) instalmentFen!: number | null;
  @ApiProperty({ nullable: true, type: Number }) distributedFen!: number | null;

  static toResponse(row: PayPoolRow): PayPoolResponse {
    return {
      unitCode: row.unitCode,
      status: row.status,
      missing: row.missing,
      appraisalYear: row.appraisalYear,
      instalment: row.instalment,
      instalments: row.instalments,
      quota: row.quota,
      gradeCounts: row.gradeCounts as Record<string, number>,
      ungraded: row.ungraded,
      poolFen: row.poolFen,
      instalmentFen: row.instalmentFen,
      distributedFen: row.distributedFen,
    };
  }
}

export class PaySlipResponse {
  @ApiProperty() period!: string;
  @ApiProperty() workerId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ description: 'The yearly pay the slip is a month of (PAY-3)' }) annualFen!: number;
  @ApiProperty({ description: 'PAY-2 base pay of the month' }) baseFen!: number;
  @ApiProperty({ description: "PAY-5/PAY-6 performance pay this month: the share of the unit pool's instalment (quarterly or yearly)" })
  performanceFen!: number;
  @ApiProperty({
    type: PerformanceLineResponse,
    nullable: true,
    description: 'The performance line: null when no instalment fell due or the pool lacked inputs',
  })
  performance!: PerformanceLineResponse | null;
  @ApiProperty({ description: 'Back pay for earlier months of the year (sum of the arrears lines)' }) arrearsFen!: number;
  @ApiProperty({ type: [ArrearsLineResponse] }) arrears!: ArrearsLineResponse[];
  @ApiProperty({ description: 'base + performance + arrears' }) totalFen!: number;
  @ApiProperty() explanation!: Explanation;

  static toResponse(
    row: PaySlipRow,
    arrears: PayArrearsRow[],
    performance: PerformanceLineResponse | null,
    explanation: Explanation,
  ): PaySlipResponse {
    return { ...row, performance, arrears, totalFen: row.baseFen + row.performanceFen + row.arrearsFen, explanation };
  }
}

export class UnitTotalResponse {
  @ApiProperty() unitCode!: string;
  @ApiProperty() workers!: number;
  @ApiProperty() baseFen!: number;
  @ApiProperty() performanceFen!: number;
  @ApiProperty() arrearsFen!: number;
  @ApiProperty() totalFen!: number;

  static toResponse(row: UnitTotalRow): UnitTotalResponse {
    return { ...row, totalFen: row.baseFen + row.performanceFen + row.arrearsFen };
  }
}
