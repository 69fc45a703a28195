import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Decision, Explanation, PerformancePool } from '@cwp/policy';

export class PoolQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Whose grades share the pool (default: the year before the pay year)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  appraisalYear?: number;
}

export class PoolShareResponse {
  @ApiProperty() workerId!: string;
  @ApiProperty({ enum: ['excellent', 'qualified', 'basically-qualified', 'unqualified'] }) grade!: string;
  @ApiProperty({ description: "The worker's performance pay of the year, fen" }) annualFen!: number;
  @ApiProperty({ type: [Number], description: 'PAY-5: quarterly (4) or yearly (1) payments summing to annualFen' })
  instalmentsFen!: number[];
}

/** PAY-6: the pool bound to the unit's quota, shared by grade (PAY-5), with the explanation. */
export class PerformancePoolResponse {
  @ApiProperty({ example: '310101002001' }) unitCode!: string;
  @ApiProperty({ example: 2027 }) payYear!: number;
  @ApiProperty({ example: 2026 }) appraisalYear!: number;
  @ApiProperty({ description: 'The unit’s quota places (area or centres; floating places excluded)' }) quota!: number;
  @ApiProperty({ description: 'Employed workers of the unit now' }) headcount!: number;
  @ApiProperty() poolFen!: number;
  @ApiProperty() perPlaceAnnualFen!: number;
  @ApiProperty() distributedFen!: number;
  @ApiProperty({ description: 'Left when nobody may share (e.g. all unqualified)' }) undistributedFen!: number;
  @ApiProperty({ enum: ['quarter', 'year'] }) paidEvery!: 'quarter' | 'year';
  @ApiProperty({ type: [PoolShareResponse] }) shares!: PoolShareResponse[];
  @ApiProperty({ type: [String], description: 'Employed workers with no grade published for the appraisal year: no share yet' })
  ungraded!: string[];
  @ApiProperty({ description: 'PAY-5/PAY-6 explanation: rule IDs, inputs, steps' }) explanation!: Explanation;

  static toResponse(p: {
    unitCode: string;
    payYear: number;
    appraisalYear: number;
    quota: number;
    headcount: number;
    ungraded: string[];
    decision: Decision<PerformancePool>;
  }): PerformancePoolResponse {
    const v = p.decision.value;
    return {
      unitCode: p.unitCode,
      payYear: p.payYear,
      appraisalYear: p.appraisalYear,
      quota: p.quota,
      headcount: p.headcount,
      poolFen: v.poolFen,
      perPlaceAnnualFen: v.perPlaceAnnualFen,
      distributedFen: v.distributedFen,
      undistributedFen: v.undistributedFen,
      paidEvery: v.paidEvery,
      shares: v.shares.map((s) => ({ workerId: s.id, grade: s.grade, annualFen: s.annualFen, instalmentsFen: [...s.instalmentsFen] })),
      ungraded: p.ungraded,
      explanation: p.decision.explanation,
    };
  }
}
