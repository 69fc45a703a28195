import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Explanation } from '@cwp/policy';
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

export class PayRunResponse {
  @ApiProperty() period!: string;
  @ApiProperty() policyVersion!: string;
  @ApiProperty() workers!: number;
  @ApiProperty() baseTotalFen!: number;
  @ApiProperty() performanceTotalFen!: number;
  @ApiProperty({ description: 'Back pay for earlier months of the year paid with this month (negative: recovered)' })
  arrearsTotalFen!: number;
  @ApiProperty({ description: 'PAY-2, PAY-3, PAY-5 explanation of how every slip of the month was computed' }) explanation!: Explanation;

  static toResponse(row: PayRunRow): PayRunResponse {
    return {
      period: row.period,
      policyVersion: row.policyVersion,
      workers: row.workers,
      baseTotalFen: row.baseTotalFen,
      performanceTotalFen: row.performanceTotalFen,
      arrearsTotalFen: row.arrearsTotalFen,
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

export class PaySlipResponse {
  @ApiProperty() period!: string;
  @ApiProperty() workerId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ description: 'The yearly pay the slip is a month of (PAY-3)' }) annualFen!: number;
  @ApiProperty({ description: 'PAY-2 base pay of the month' }) baseFen!: number;
  @ApiProperty({ description: 'PAY-5 performance pay paid this month (quarterly or yearly)' }) performanceFen!: number;
  @ApiProperty({ description: 'Back pay for earlier months of the year (sum of the arrears lines)' }) arrearsFen!: number;
  @ApiProperty({ type: [ArrearsLineResponse] }) arrears!: ArrearsLineResponse[];
  @ApiProperty({ description: 'base + performance + arrears' }) totalFen!: number;
  @ApiProperty() explanation!: Explanation;

  static toResponse(row: PaySlipRow, arrears: PayArrearsRow[], explanation: Explanation): PaySlipResponse {
    return { ...row, arrears, totalFen: row.baseFen + row.performanceFen + row.arrearsFen, explanation };
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
