import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { RecalibrationPhase, RecalibrationPreviewSummary, RecalibrationProgress } from '@cwp/contracts';
import type { Explanation, GroupedRecalibration } from '@cwp/policy';
import type { BudgetRow, RecalibrationLineRow, RecalibrationRow } from './recalibration.row';
import type { LineTotals } from './recalibration.repository';

export class ApproveRecalibrationDto {
  @ApiProperty({ description: 'The preview the city looked at (409 when stale)' })
  @IsUUID()
  previewId!: string;
}

export class SetMultiplierDto {
  @ApiProperty({ example: 1.25, description: "PAY-3: the year's multiple of the reference wage, inside the version's band" })
  @IsNumber({ maxDecimalPlaces: 6 })
  @Min(1)
  @Max(1.5)
  multiplier!: number;

  @ApiProperty({ example: 'City decision of 15 January', minLength: 5, maxLength: 500 })
  @IsString()
  @Length(5, 500)
  reason!: string;
}

export class BudgetQueryDto {
  @ApiPropertyOptional({ enum: ['district', 'street'], default: 'district' })
  @IsOptional()
  @IsIn(['district', 'street'])
  level?: 'district' | 'street';
}

/** What-if (nothing applied): any multiplier, parameter version or wage. */
export class WhatIfDto {
  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2200)
  payYear!: number;

  @ApiPropertyOptional({ example: 1.3 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 6 })
  multiplier?: number;

  @ApiPropertyOptional({ example: '2027-proposal', description: 'A parameter version id (default: the one in force on 1 January)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  policyVersion?: string;

  @ApiPropertyOptional({ example: 14_400_000, description: 'A hypothetical reference wage in fen (default: the published one)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  annualWageFen?: number;

  @ApiPropertyOptional({ enum: ['district', 'street'], default: 'district' })
  @IsOptional()
  @IsIn(['district', 'street'])
  level?: 'district' | 'street';
}

export class ProgressResponse {
  @ApiProperty() done!: number;
  @ApiProperty() total!: number;
  @ApiPropertyOptional({ nullable: true }) ratePerSecond!: number | null;
  @ApiPropertyOptional({ nullable: true }) etaAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) startedAt!: string | null;
}

/** The preview the city saw and approves (PAY-3, PAY-7: workers the ceiling held). */
export class PreviewSummaryResponse implements RecalibrationPreviewSummary {
  @ApiProperty() previewId!: string;
  @ApiProperty() policyVersion!: string;
  @ApiProperty() multiplier!: number;
  @ApiProperty() referenceWageYear!: number;
  @ApiProperty() referenceWageFen!: number;
  @ApiProperty() workers!: number;
  @ApiProperty() previousTotalFen!: number;
  @ApiProperty() totalFen!: number;
  @ApiProperty() gainers!: number;
  @ApiProperty() losers!: number;
  @ApiProperty({ description: 'PAY-7: workers the ceiling held below the chosen multiple' }) heldByCeiling!: number;
}

/** `pay-recalibration:<year>`, and whether this call started it (false: it was already running or done). */
export class RecalibrationStartResponse {
  @ApiProperty({ example: 'pay-recalibration:2027' }) workflowId!: string;
  @ApiProperty() started!: boolean;
}

export class ReopenPendingResponse {
  @ApiProperty({ description: 'The revision of the corrected wage' }) wageRevision!: number;
  @ApiProperty() reason!: string;
}

export class RecalibrationResponse {
  @ApiProperty() payYear!: number;
  @ApiProperty({ enum: ['open', 'previewed', 'approved', 'applying', 'applied'] }) status!: RecalibrationRow['status'];
  @ApiPropertyOptional({ nullable: true, description: 'The workflow phase (null when no workflow runs)' })
  phase!: RecalibrationPhase | null;
  @ApiPropertyOptional({ nullable: true, description: 'The year’s multiplier when set by the city, else the version’s' }) multiplier!:
    number | null;
  @ApiPropertyOptional({ nullable: true, type: PreviewSummaryResponse }) preview!: RecalibrationPreviewSummary | null;
  @ApiPropertyOptional({ nullable: true, description: 'PAY-3/5/7 explanation of the preview' }) explanation!: Explanation | null;
  @ApiPropertyOptional({ nullable: true }) approvedBy!: string | null;
  @ApiProperty({ type: ProgressResponse }) progress!: RecalibrationProgress;
  @ApiPropertyOptional({
    nullable: true,
    type: ReopenPendingResponse,
    description: 'PAY-3: a wage corrected while the year was approved or applying; the year re-opens when the apply finishes',
  })
  reopenPending!: ReopenPendingResponse | null;

  static toResponse(row: RecalibrationRow, progress: RecalibrationProgress, phase: RecalibrationPhase | null): RecalibrationResponse {
    return {
      payYear: row.payYear,
      status: row.status,
      phase,
      multiplier: row.multiplier,
      preview: row.summary,
      explanation: row.explanation,
      approvedBy: row.approvedBy,
      progress,
      reopenPending: row.reopenPending,
    };
  }
}

export class BudgetLineResponse {
  @ApiProperty() unitCode!: string;
  @ApiProperty() workers!: number;
  @ApiProperty() previousTotalFen!: number;
  @ApiProperty() newTotalFen!: number;
  @ApiProperty() deltaFen!: number;

  static toResponse(row: BudgetRow): BudgetLineResponse {
    return { ...row, deltaFen: row.newTotalFen - row.previousTotalFen };
  }
}

export class WorkerLineResponse {
  @ApiProperty() workerId!: string;
  @ApiProperty() payYear!: number;
  @ApiProperty() previousAnnualFen!: number;
  @ApiProperty() newAnnualFen!: number;
  @ApiProperty() deltaFen!: number;
  @ApiProperty() applied!: boolean;
  @ApiProperty({ description: 'POST-1, PAY-2, PAY-3, PAY-5 (PAY-7) explanation of the figure' }) explanation!: Explanation;

  static toResponse(payYear: number, line: RecalibrationLineRow & { explanation: unknown }): WorkerLineResponse {
    return {
      workerId: line.workerId,
      payYear,
      previousAnnualFen: line.previousFen,
      newAnnualFen: line.newFen,
      deltaFen: line.newFen - line.previousFen,
      applied: line.applied,
      explanation: line.explanation as Explanation,
    };
  }
}

export class WhatIfResponse {
  @ApiProperty() payYear!: number;
  @ApiProperty() policyVersion!: string;
  @ApiProperty() multiplier!: number;
  @ApiProperty() targetMultiple!: number;
  @ApiProperty() heldByCeiling!: boolean;
  @ApiProperty() workers!: number;
  @ApiProperty() previousTotalFen!: number;
  @ApiProperty() totalFen!: number;
  @ApiProperty() gainers!: number;
  @ApiProperty() losers!: number;
  @ApiProperty({ type: [BudgetLineResponse], description: 'PAY-8 budget per district or street' }) budget!: BudgetLineResponse[];
  @ApiProperty() explanation!: Explanation;

  static toResponse(
    policyVersion: string,
    value: GroupedRecalibration,
    totals: LineTotals,
    budget: BudgetRow[],
    explanation: Explanation,
  ): WhatIfResponse {
    return {
      payYear: value.payYear,
      policyVersion,
      multiplier: value.chosenMultiple,
      targetMultiple: value.targetMultiple,
      heldByCeiling: value.heldByCeiling,
      workers: totals.workers,
      previousTotalFen: totals.previousTotalFen,
      totalFen: totals.totalFen,
      gainers: totals.gainers,
      losers: totals.losers,
      budget: budget.map(BudgetLineResponse.toResponse),
      explanation,
    };
  }
}
