import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { POST_CATEGORIES, WORKER_STATUSES, WORKER_TITLES, type PostCategory, type WorkerStatus, type WorkerTitle } from '@cwp/contracts';
import type { ReconciliationReport } from './rules/reconcile';
import type { PayWorkerRow } from './pay-worker.row';

/** A worker's pay-relevant facts (no personal data: the roster holds names, payroll does not). */
export class PayWorkerResponse {
  @ApiProperty() workerId!: string;
  @ApiProperty({ example: '310101002001' }) unitCode!: string;
  @ApiProperty({ enum: WORKER_STATUSES }) status!: WorkerStatus;
  @ApiProperty({ enum: POST_CATEGORIES, description: 'POST-1' }) postCategory!: PostCategory;
  @ApiProperty({ minimum: 1, maximum: 18, description: 'POST-1' }) postLevel!: number;
  @ApiPropertyOptional({ enum: WORKER_TITLES, nullable: true, description: 'POST-3' }) title!: WorkerTitle | null;
  @ApiProperty({ format: 'date' }) hiredOn!: string;
  @ApiPropertyOptional({ format: 'date', nullable: true }) exitedOn!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Yearly pay in fen after the last applied recalibration (PAY-3)' }) annualPayFen!:
    number | null;
  @ApiPropertyOptional({ nullable: true }) payYear!: number | null;

  static toResponse(row: PayWorkerRow): PayWorkerResponse {
    return {
      workerId: row.workerId,
      unitCode: row.unitCode,
      status: row.status,
      postCategory: row.postCategory,
      postLevel: row.postLevel,
      title: row.title,
      hiredOn: row.hiredOn,
      exitedOn: row.exitedOn,
      annualPayFen: row.annualPayFen,
      payYear: row.payYear,
    };
  }
}

export class ReconciliationResponse {
  @ApiProperty() consistent!: boolean;
  @ApiProperty({ description: 'Events handled by the projection consumer, by kind' }) consumed!: ReconciliationReport['consumed'];
  @ApiProperty({ description: 'Consumed minus misses' }) applied!: ReconciliationReport['applied'];
  @ApiProperty({ description: 'Handled events that changed nothing, by type' }) misses!: Record<string, number>;
  @ApiProperty() projection!: ReconciliationReport['projection'];
  @ApiProperty({ description: 'Bootstrap from the worker-state topic: state events handled, applied, stale, rows first written' })
  bootstrap!: ReconciliationReport['bootstrap'];
  @ApiPropertyOptional({
    nullable: true,
    description:
      'Each row against the newest state of its worker on the worker-state topic: states seen, rows compared (same version), missing, behind, differing by field, up to ten worker ids',
  })
  fields!: ReconciliationReport['fields'];
  @ApiProperty({ type: [String] }) discrepancies!: string[];

  static toResponse(report: ReconciliationReport): ReconciliationResponse {
    return { ...report };
  }
}
