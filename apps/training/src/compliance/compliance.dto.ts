/** Request and response DTOs of /api/training/compliance and /recommendations, and the mapper. */
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import type { Explanation, GapFillingNeeds } from '@cwp/policy';
import type { ComplianceResultRow, UnitReportRow } from './compliance.row';

export class YearQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class ReportQueryDto extends YearQueryDto {
  @ApiProperty({ example: '310101' })
  @Matches(/^31(?:\d{4}(?:\d{3}(?:\d{3})?)?)?$/, { message: 'unitCode must be an org-unit code' })
  unitCode!: string;
}

export class StartRunDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class ComplianceResponse {
  @ApiProperty() year!: number;
  @ApiProperty() workerId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() hours!: number;
  @ApiProperty() requiredHours!: number;
  @ApiProperty() hoursMet!: boolean;
  @ApiProperty() offJobDue!: boolean;
  @ApiProperty() offJobMet!: boolean;
  @ApiProperty({ enum: ['complete', 'in-progress', 'overdue'] }) fourOnes!: string;
  @ApiProperty() compliant!: boolean;
  @ApiProperty({ type: [String] }) failedRules!: string[];
  @ApiProperty() policyVersion!: string;
  @ApiProperty({ description: 'Rule IDs, inputs and steps (libs/policy trainingCompliance)' }) explanation!: unknown;
}

export class UnitTotalsResponse {
  @ApiProperty() workers!: number;
  @ApiProperty() compliant!: number;
  @ApiProperty() hoursShort!: number;
  @ApiProperty() offJobMissing!: number;
  @ApiProperty() fourOnesOverdue!: number;
}

export class UnitLineResponse extends UnitTotalsResponse {
  @ApiProperty() unitCode!: string;
  @ApiProperty() averageHours!: number;
}

export class UnitReportResponse {
  @ApiProperty() unitCode!: string;
  @ApiProperty() year!: number;
  @ApiProperty() total!: UnitTotalsResponse;
  @ApiProperty({ type: [UnitLineResponse] }) units!: UnitReportRow[];
}

export class RecommendedCourseResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() module!: string;
  @ApiProperty({ nullable: true, type: String }) step!: string | null;
  @ApiProperty({ nullable: true, type: String }) delivery!: string | null;
  @ApiProperty({ nullable: true, type: Number }) hours!: number | null;
}

export class RecommendationsResponse {
  @ApiProperty() workerId!: string;
  @ApiProperty({ description: 'TRAIN-6 needs (libs/policy gapFillingNeeds)' }) needs!: GapFillingNeeds;
  @ApiProperty() explanation!: unknown;
  @ApiProperty({ type: [RecommendedCourseResponse] }) courses!: RecommendedCourseResponse[];
}

export class RunResponse {
  @ApiProperty() workflowId!: string;
  @ApiProperty({ enum: ['started', 'running', 'completed', 'failed'] }) status!: string;
  @ApiProperty({ required: false }) outcome?: unknown;
}

export const toComplianceResponse = (r: ComplianceResultRow, explanation: Explanation): ComplianceResponse => ({
  year: r.year,
  workerId: r.workerId,
  unitCode: r.unitCode,
  hours: r.hours,
  requiredHours: r.requiredHours,
  hoursMet: r.hoursMet,
  offJobDue: r.offJobDue,
  offJobMet: r.offJobMet,
  fourOnes: r.fourOnes,
  compliant: r.compliant,
  failedRules: r.failedRules,
  policyVersion: r.policyVersion,
  explanation,
});
